using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    [LibraryImport(Libc, EntryPoint = "getsockname", SetLastError = true)]
    internal static partial int getsockname(SafeNetlinkHandle fd, out SockAddrNetlink address, ref int length);
}
