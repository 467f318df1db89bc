using System.Runtime.InteropServices;
using Xunit;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>
/// Runs code on a thread without CAP_NET_ADMIN. Linux capabilities are per thread, and rtnetlink
/// checks the capability of the thread that sends the request, so this is how a root test process
/// sees what an unprivileged caller gets (EPERM, which IpHelper reports as AccessDenied).
/// </summary>
internal static partial class NetAdmin
{
    private const uint CapabilityVersion3 = 0x20080522;
    private const int CapNetAdmin = 12;

    public static T RunWithout<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Drop();
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the work failed on the unprivileged thread", failure);
        return result;
    }

    private static unsafe void Drop()
    {
        var header = new Header { Version = CapabilityVersion3, Pid = 0 };
        var data = stackalloc Data[2];
        Assert.Equal(0, capget(&header, data));
        data[0].Effective &= ~(1u << CapNetAdmin);
        data[0].Permitted &= ~(1u << CapNetAdmin);
        Assert.Equal(0, capset(&header, data));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Header
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Data
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int capget(Header* header, Data* data);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int capset(Header* header, Data* data);
}
