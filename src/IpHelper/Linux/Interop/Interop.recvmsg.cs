using System.Runtime.InteropServices;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const int MSG_PEEK = 0x2;
    internal const int MSG_TRUNC = 0x20;
    internal const int MSG_DONTWAIT = 0x40;

    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (x86_64 and arm64 layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport(Libc, EntryPoint = "recvmsg", SetLastError = true)]
    internal static unsafe partial nint recvmsg(SafeNetlinkHandle fd, MsgHdr* message, int flags);

    /// <summary>struct mmsghdr: one message of <see cref="recvmmsg"/> and the length received into it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }

    /// <summary>recvmmsg(2): receives up to <paramref name="count"/> datagrams in one call; returns how many, or -1 with the errno.</summary>
    [LibraryImport(Libc, EntryPoint = "recvmmsg", SetLastError = true)]
    internal static unsafe partial int recvmmsg(SafeNetlinkHandle fd, MMsgHdr* messages, uint count, int flags, void* timeout);
}
