using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int close(int fd);
}
