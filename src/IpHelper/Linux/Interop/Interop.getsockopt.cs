using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    [LibraryImport(Libc, EntryPoint = "getsockopt", SetLastError = true)]
    internal static partial int getsockopt(SafeNetlinkHandle fd, int level, int name, out int value, ref int length);
}
