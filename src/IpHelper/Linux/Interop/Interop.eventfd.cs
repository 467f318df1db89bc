using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const int EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800;

    [LibraryImport(Libc, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial SafeFileHandle eventfd(uint initialValue, int flags);
}
