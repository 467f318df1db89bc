using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

/// <summary>
/// Tells the process's interface-metric stores (/run/iphelper) whether their files may have changed,
/// without a stat per use: one inotify instance for the process watches /run/iphelper (or /run, until
/// the directory exists). Every change of a store file, by this process or another, is queued on it
/// before the writer's close returns; <see cref="Generation"/> changes once it has been seen. The
/// descriptor can be polled together with another (<see cref="Descriptor"/>, <see cref="OnReadable"/>),
/// so a call that checks its link watch checks the metric stores in the same poll. Where inotify is
/// not available every call gets a new generation: the files are read on every use, as without it.
/// The watch is opened only once the stores have been used <see cref="UsesBeforeWatching"/> times: a
/// short-lived process (one command of the CLI) reads the few files it needs instead, because the kernel
/// makes the exit of a process that holds an inotify instance wait for an SRCU grace period (5 ms of a
/// 10 ms `iphelper route list` here).
/// </summary>
internal static class InterfaceMetricWatch
{
    private const string Directory = "/run/iphelper";
    private const string Parent = "/run";
    private const uint DirectoryEvents = Interop.IN_MODIFY | Interop.IN_ATTRIB | Interop.IN_CLOSE_WRITE | Interop.IN_MOVED_FROM
        | Interop.IN_MOVED_TO | Interop.IN_CREATE | Interop.IN_DELETE | Interop.IN_DELETE_SELF | Interop.IN_MOVE_SELF;
    private const uint ParentEvents = Interop.IN_CREATE | Interop.IN_MOVED_TO | Interop.IN_ONLYDIR;

    /// <summary>Uses of the stores before the watch is opened (until then every use reads the files).</summary>
    internal const int UsesBeforeWatching = 16;

    private static readonly Lock s_lock = new();
    private static int s_directoryWatch = -1;
    private static int s_parentWatch = -1;
    private static long s_generation;
    private static int s_uses;
    private static bool s_unavailable;
    private static SafeFileHandle? s_inotify;

    /// <summary>The inotify descriptor to poll for POLLIN, or -1 when there is none (then <see cref="Generation"/> changes on every call).</summary>
    public static int Descriptor => Volatile.Read(ref s_inotify) is { } fd ? (int)fd.DangerousGetHandle() : -1;

    /// <summary>
    /// A number that changes whenever a store file may have changed since the previous call; read it
    /// before reading the files it vouches for. <paramref name="polled"/>: the caller has just polled
    /// <see cref="Descriptor"/> (and called <see cref="OnReadable"/> if it was readable).
    /// </summary>
    public static long Generation(bool polled = false)
    {
        if (Volatile.Read(ref s_inotify) is null)
        {
            if (!s_unavailable && Interlocked.Increment(ref s_uses) > UsesBeforeWatching) StartWatching();
            return Interlocked.Increment(ref s_generation);
        }
        if (!polled)
        {
            var poll = new Interop.PollFd { Fd = Descriptor, Events = Interop.POLLIN };
            if (Interop.poll(ref poll, 1, 0) > 0 && (poll.Revents & Interop.POLLIN) != 0) OnReadable();
        }
        return Volatile.Read(ref s_generation);
    }

    /// <summary>Takes what the inotify descriptor has queued: the stores may have changed.</summary>
    public static unsafe void OnReadable()
    {
        if (s_inotify is null) return;
        lock (s_lock)
        {
            // Before reading the events: a caller that finds the queue empty must already see the new number.
            Interlocked.Increment(ref s_generation);
            Span<byte> buffer = stackalloc byte[4096];
            var rearm = false;
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    var read = Interop.read(s_inotify, p, (nuint)buffer.Length);
                    if (read <= 0)
                    {
                        if (read < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR) continue;
                        break;
                    }
                    for (var at = 0; at + 16 <= read;)
                    {
                        var watch = BitConverter.ToInt32(buffer[at..]);
                        var mask = BitConverter.ToUInt32(buffer[(at + 4)..]);
                        var nameLength = BitConverter.ToInt32(buffer[(at + 12)..]);
                        if (watch == s_directoryWatch && (mask & (Interop.IN_IGNORED | Interop.IN_DELETE_SELF | Interop.IN_MOVE_SELF)) != 0) s_directoryWatch = -1;
                        if (watch == s_parentWatch || (mask & Interop.IN_Q_OVERFLOW) != 0) rearm = true;
                        at += 16 + nameLength;
                    }
                }
            }
            if (rearm || s_directoryWatch < 0) Arm();
        }
    }

    private static void StartWatching()
    {
        lock (s_lock)
        {
            if (s_inotify is not null || s_unavailable) return;
            var fd = Open();
            if (fd is null) s_unavailable = true;
            else Volatile.Write(ref s_inotify, fd);
        }
    }

    private static SafeFileHandle? Open()
    {
        var fd = Interop.inotify_init1(Interop.IN_NONBLOCK | Interop.IN_CLOEXEC);
        if (fd.IsInvalid)
        {
            fd.Dispose();
            return null;
        }
        Arm(fd);
        if (s_directoryWatch >= 0 || s_parentWatch >= 0) return fd;
        fd.Dispose();
        return null;
    }

    private static void Arm() => Arm(s_inotify!);

    /// <summary>Watches the directory once it exists (and /run no more), or /run until it does.</summary>
    private static void Arm(SafeFileHandle fd)
    {
        if (s_directoryWatch < 0) s_directoryWatch = Interop.inotify_add_watch(fd, Directory, DirectoryEvents);
        if (s_directoryWatch < 0 && s_parentWatch < 0)
        {
            s_parentWatch = Interop.inotify_add_watch(fd, Parent, ParentEvents);
            // Made between the two calls: /run's watch came too late to see it, so look once more.
            s_directoryWatch = Interop.inotify_add_watch(fd, Directory, DirectoryEvents);
        }
        if (s_directoryWatch >= 0 && s_parentWatch >= 0)
        {
            Interop.inotify_rm_watch(fd, s_parentWatch);
            s_parentWatch = -1;
        }
    }
}
