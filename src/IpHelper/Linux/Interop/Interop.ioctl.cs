using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const uint SIOCETHTOOL = 0x8946;

    /// <summary>struct ifreq with the ifr_data member of the union (64-bit layout: name[16], pointer, padding to 40).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 40)]
    internal unsafe struct IfReqData
    {
        public IfName Name;
        public void* Data;
    }

    [System.Runtime.CompilerServices.InlineArray(16)]
    internal struct IfName
    {
        private byte _element;
    }

    [LibraryImport(Libc, EntryPoint = "ioctl", SetLastError = true)]
    internal static unsafe partial int ioctl(SafeNetlinkHandle fd, nuint request, void* argument);
}
