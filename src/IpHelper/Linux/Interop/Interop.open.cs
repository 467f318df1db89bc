using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>O_RDONLY: open for reading only.</summary>
    internal const int O_RDONLY = 0;

    /// <summary>O_CLOEXEC: close the descriptor in child processes after exec.</summary>
    internal const int O_CLOEXEC = 0x80000;

    /// <summary>
    /// open(2) without O_CREAT. The handle is invalid on failure; read the errno with
    /// <see cref="Marshal.GetLastPInvokeError"/>.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial SafeFileHandle open(string path, int flags);
}
