using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

internal static partial class Interop
{
    /// <summary>AT_EMPTY_PATH: with an empty path, statx describes the descriptor itself.</summary>
    internal const int AT_EMPTY_PATH = 0x1000;

    /// <summary>STATX_INO: ask for (and, in the returned mask, confirm) <see cref="StatxBuffer.Ino"/>.</summary>
    internal const uint STATX_INO = 0x100;

    /// <summary>
    /// struct statx, whose layout is the same on every architecture (unlike struct stat).
    /// Only the fields the library reads are named.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        /// <summary>stx_mask: which fields the kernel filled in.</summary>
        [FieldOffset(0)] public uint Mask;

        /// <summary>stx_ino: the inode number.</summary>
        [FieldOffset(32)] public ulong Ino;

        /// <summary>stx_dev_major: the major number of the device the file is on (always filled).</summary>
        [FieldOffset(136)] public uint DevMajor;

        /// <summary>stx_dev_minor: its minor number.</summary>
        [FieldOffset(140)] public uint DevMinor;
    }

    /// <summary>
    /// statx(2) relative to <paramref name="dirfd"/>; with an empty <paramref name="path"/> and
    /// <see cref="AT_EMPTY_PATH"/> it describes <paramref name="dirfd"/> itself.
    /// Returns 0, or -1 with the errno in <see cref="Marshal.GetLastPInvokeError"/>.
    /// </summary>
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int statx(SafeFileHandle dirfd, string path, int flags, uint mask, out StatxBuffer buffer);
}
