using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>CLONE_NEWNET: the namespace type of a network namespace.</summary>
    internal const int CLONE_NEWNET = 0x40000000;

    /// <summary>
    /// setns(2): moves the calling thread into the namespace <paramref name="fd"/> refers to.
    /// Returns 0, or -1 with the errno in <see cref="Marshal.GetLastPInvokeError"/>
    /// (EINVAL: not a namespace of type <paramref name="nstype"/>; EPERM: no CAP_SYS_ADMIN).
    /// </summary>
    [LibraryImport("libc", SetLastError = true)]
    internal static partial int setns(SafeFileHandle fd, int nstype);
}
