using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// An eventfd that ends a <see cref="NetlinkSocket"/> wait at once: a notification registration is
/// cancelled without waiting for the receive interval to run out.
/// </summary>
internal sealed class WakeSignal : IDisposable
{
    private WakeSignal(SafeFileHandle handle) => Handle = handle;

    public SafeFileHandle Handle { get; }

    public static WakeSignal Create()
    {
        var handle = Interop.eventfd(0, Interop.EFD_CLOEXEC | Interop.EFD_NONBLOCK);
        if (handle.IsInvalid)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new NetlinkException(errno, $"eventfd failed: {Errno.Name(errno)}");
        }
        return new WakeSignal(handle);
    }

    /// <summary>Makes the eventfd readable (for good: a wait that sees it returns ECANCELED).</summary>
    public unsafe void Set()
    {
        ulong one = 1;
        Interop.write(Handle, &one, sizeof(ulong));
    }

    /// <summary>Makes the eventfd unreadable again (it is non-blocking: nothing to read is not an error).</summary>
    public unsafe void Reset()
    {
        ulong value;
        Interop.read(Handle, &value, sizeof(ulong));
    }

    public void Dispose() => Handle.Dispose();
}
