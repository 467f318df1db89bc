using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>struct mmsghdr (x86_64 and arm64 layout): one datagram of a recvmmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MMsgHdr
    {
        public MsgHdr Header;

        /// <summary>The bytes the datagram held (its real length when MSG_TRUNC was passed).</summary>
        public uint Length;
    }

    [LibraryImport(Libc, EntryPoint = "recvmmsg", SetLastError = true)]
    internal static unsafe partial int recvmmsg(SafeNetlinkHandle fd, MMsgHdr* messages, uint count, int flags, void* timeout);
}
