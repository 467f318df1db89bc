using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>connect(2) for a netlink socket: with port 0 (the kernel), the kernel refuses datagrams from any other sender.</summary>
    [LibraryImport(Libc, EntryPoint = "connect", SetLastError = true)]
    internal static partial int connect(SafeNetlinkHandle fd, in SockAddrNetlink address, int length);
}
