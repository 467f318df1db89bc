using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>The 64-bit cookie of the socket's network namespace, never reused while the system runs (Linux 5.14+).</summary>
    internal const int SO_NETNS_COOKIE = 71;

    [LibraryImport(Libc, EntryPoint = "getsockopt", SetLastError = true)]
    internal static partial int getsockopt(SafeNetlinkHandle fd, int level, int name, out int value, ref int length);

    [LibraryImport(Libc, EntryPoint = "getsockopt", SetLastError = true)]
    internal static partial int getsockopt(SafeNetlinkHandle fd, int level, int name, out ulong value, ref int length);
}
