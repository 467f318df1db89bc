using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const int _SC_CLK_TCK = 2;

    [LibraryImport(Libc, EntryPoint = "sysconf")]
    internal static partial long sysconf(int name);
}
