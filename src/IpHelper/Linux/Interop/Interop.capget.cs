using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>_LINUX_CAPABILITY_VERSION_3: 64-bit sets, in two 32-bit words each.</summary>
    internal const uint LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    /// <summary>struct __user_cap_header_struct.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct CapHeader
    {
        public uint Version;
        public int Pid;
    }

    /// <summary>struct __user_cap_data_struct (one of two: bits 0-31, then 32-63).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct CapData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }

    /// <summary>capget(2) of the calling thread (pid 0); 0 or -1 with the errno.</summary>
    [LibraryImport(Libc, EntryPoint = "capget", SetLastError = true)]
    internal static unsafe partial int capget(CapHeader* header, CapData* data);

    /// <summary>capset(2) of the calling thread (pid 0): only within its permitted set; 0 or -1 with the errno.</summary>
    [LibraryImport(Libc, EntryPoint = "capset", SetLastError = true)]
    internal static unsafe partial int capset(CapHeader* header, CapData* data);
}
