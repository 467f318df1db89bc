using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>F_DUPFD_CLOEXEC: duplicate a descriptor, with close-on-exec set on the copy.</summary>
    internal const int F_DUPFD_CLOEXEC = 1030;

    /// <summary>
    /// fcntl(2) for the commands that return a new descriptor (<see cref="F_DUPFD_CLOEXEC"/>).
    /// The handle is invalid on failure; read the errno with <see cref="Marshal.GetLastPInvokeError"/>.
    /// </summary>
    [LibraryImport("libc", SetLastError = true)]
    internal static partial SafeFileHandle fcntl(SafeFileHandle fd, int cmd, int arg);
}
