using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    [LibraryImport(Libc, EntryPoint = "sendto", SetLastError = true)]
    internal static unsafe partial nint sendto(SafeNetlinkHandle fd, byte* buffer, nuint length, int flags, in SockAddrNetlink address, int addressLength);

    /// <summary>sendto with the address as a pointer: null (length 0) sends to the socket's connected peer.</summary>
    [LibraryImport(Libc, EntryPoint = "sendto", SetLastError = true)]
    internal static unsafe partial nint sendto(SafeNetlinkHandle fd, byte* buffer, nuint length, int flags, SockAddrNetlink* address, int addressLength);
}
