using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

internal static partial class Interop
{
    internal const int IN_NONBLOCK = 0x800, IN_CLOEXEC = 0x80000;
    internal const uint IN_MODIFY = 0x2, IN_ATTRIB = 0x4, IN_CLOSE_WRITE = 0x8, IN_MOVED_FROM = 0x40, IN_MOVED_TO = 0x80,
        IN_CREATE = 0x100, IN_DELETE = 0x200, IN_DELETE_SELF = 0x400, IN_MOVE_SELF = 0x800, IN_ONLYDIR = 0x1000000,
        IN_IGNORED = 0x8000, IN_Q_OVERFLOW = 0x4000;

    /// <summary>inotify_init1(2): a new inotify instance, or an invalid handle with the errno.</summary>
    [LibraryImport(Libc, EntryPoint = "inotify_init1", SetLastError = true)]
    internal static partial SafeFileHandle inotify_init1(int flags);

    /// <summary>inotify_add_watch(2): the watch descriptor, or -1 with the errno (ENOENT: no such path).</summary>
    [LibraryImport(Libc, EntryPoint = "inotify_add_watch", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int inotify_add_watch(SafeFileHandle fd, string path, uint mask);

    /// <summary>inotify_rm_watch(2).</summary>
    [LibraryImport(Libc, EntryPoint = "inotify_rm_watch", SetLastError = true)]
    internal static partial int inotify_rm_watch(SafeFileHandle fd, int watch);
}
