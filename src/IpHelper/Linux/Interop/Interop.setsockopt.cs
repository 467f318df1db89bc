using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const int SOL_SOCKET = 1;
    internal const int SO_SNDBUF = 7;
    internal const int SO_RCVBUF = 8;
    internal const int SO_SNDBUFFORCE = 32;
    internal const int SO_RCVBUFFORCE = 33;
    internal const int SOL_NETLINK = 270;

    [LibraryImport(Libc, EntryPoint = "setsockopt", SetLastError = true)]
    internal static partial int setsockopt(SafeNetlinkHandle fd, int level, int name, in int value, int length);
}
