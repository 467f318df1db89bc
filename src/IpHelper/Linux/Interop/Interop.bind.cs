using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>struct sockaddr_nl.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct SockAddrNetlink
    {
        public ushort Family;
        public ushort Pad;
        public uint PortId;
        public uint Groups;
    }

    [LibraryImport(Libc, EntryPoint = "bind", SetLastError = true)]
    internal static partial int bind(SafeNetlinkHandle fd, in SockAddrNetlink address, int length);
}
