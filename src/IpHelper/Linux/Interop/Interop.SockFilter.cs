using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const int SO_ATTACH_FILTER = 26;

    /// <summary>One classic BPF instruction (struct sock_filter).</summary>
    internal readonly record struct SockFilter(ushort Code, byte JumpTrue, byte JumpFalse, uint K);

    /// <summary>struct sock_fprog.</summary>
    internal unsafe struct SockFprog
    {
        public ushort Length;
        public SockFilter* Filter;
    }

    [LibraryImport(Libc, EntryPoint = "setsockopt", SetLastError = true)]
    internal static partial int setsockopt(SafeNetlinkHandle fd, int level, int name, in SockFprog value, int length);
}
