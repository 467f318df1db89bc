using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace IpHelper.Linux;

/// <summary>
/// One epoll instance for the process over the link watch socket of every namespace context
/// (<see cref="LinkChangeWatch"/>) and the interface-metric stores' inotify descriptor
/// (<see cref="InterfaceMetricWatch"/>). The kernel marks a descriptor ready inside the wake-up of the
/// notification that made it readable, that is before the change's request returns, so
/// <see cref="Check"/> (one epoll_wait that does not wait) sees every change made before it, like a
/// poll of the descriptors would, without looking at each descriptor. Whoever checks handles what is
/// ready, its own watch or another namespace's: that watch's number changes and its queue is emptied,
/// so a later check of that watch finds either the new number or the ready descriptor.
/// </summary>
internal static class LinkReadiness
{
    private const int MaxEvents = 8;
    private const ulong MetricStores = 0;
    private static readonly Lock s_lock = new();
    private static readonly ConcurrentDictionary<ulong, LinkChangeWatch> s_watches = new();
    private static int s_epoll = -1;
    private static bool s_unavailable;
    private static int s_metricDescriptor = -1;
    private static long s_lastId;

    /// <summary>
    /// Adds <paramref name="watch"/>'s subscription socket (descriptor <paramref name="fd"/>). Returns its id,
    /// or 0 when it could not be added (no epoll instance, out of memory): the watch then cannot vouch for anything.
    /// </summary>
    public static ulong Register(LinkChangeWatch watch, int fd)
    {
        var epoll = Instance();
        if (epoll < 0) return 0;
        var id = (ulong)Interlocked.Increment(ref s_lastId);
        s_watches[id] = watch;
        if (Control(epoll, Interop.EPOLL_CTL_ADD, fd, id)) return id;
        s_watches.TryRemove(id, out _);
        return 0;
    }

    /// <summary>Removes a watch's socket; call it before the socket is closed.</summary>
    public static void Unregister(ulong id, int fd)
    {
        if (id == 0) return;
        s_watches.TryRemove(id, out _);
        Control(Volatile.Read(ref s_epoll), Interop.EPOLL_CTL_DEL, fd, id);
    }

    /// <summary>
    /// Handles every descriptor that is ready (a changed link in any namespace, a changed metric store).
    /// False when the check could not be made: the caller must treat it as a change.
    /// </summary>
    public static unsafe bool Check()
    {
        var epoll = Volatile.Read(ref s_epoll);
        if (epoll < 0) return false;
        // Not added (out of memory): the metric stores are polled on their own, as the caller relies on their check.
        if (InterfaceMetricWatch.Descriptor is var metrics && metrics != Volatile.Read(ref s_metricDescriptor) && !WatchMetricStores(epoll, metrics))
            InterfaceMetricWatch.Generation();
        var size = Interop.EpollEventSize;
        var dataOffset = Interop.EpollDataOffset;
        byte* events = stackalloc byte[MaxEvents * 16];
        while (true)
        {
            var ready = Interop.epoll_wait(epoll, events, MaxEvents, 0);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Errno.EINTR) continue;
                return false;
            }
            for (var i = 0; i < ready; i++)
            {
                var id = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(events + i * size + dataOffset, 8));
                if (id == MetricStores) InterfaceMetricWatch.OnReadable();
                else if (s_watches.TryGetValue(id, out var watch)) watch.OnReadable();
            }
            // A full answer may have left ready descriptors out (ours among them): ask again.
            if (ready < MaxEvents) return true;
        }
    }

    private static int Instance()
    {
        if (Volatile.Read(ref s_epoll) is var epoll && (epoll >= 0 || s_unavailable)) return epoll;
        lock (s_lock)
        {
            if (s_epoll < 0 && !s_unavailable)
            {
                var created = Interop.epoll_create1(Interop.EPOLL_CLOEXEC);
                if (created < 0) s_unavailable = true;
                else Volatile.Write(ref s_epoll, created);
            }
            return s_epoll;
        }
    }

    /// <summary>The metric stores' inotify descriptor appeared (it is opened after a few uses): add it.</summary>
    private static bool WatchMetricStores(int epoll, int descriptor)
    {
        lock (s_lock)
        {
            if (s_metricDescriptor == descriptor) return true;
            // Added before it is marked added: a check that sees the mark also sees the descriptor's events.
            if (descriptor >= 0 && !Control(epoll, Interop.EPOLL_CTL_ADD, descriptor, MetricStores)) return false;
            Volatile.Write(ref s_metricDescriptor, descriptor);
            return true;
        }
    }

    private static unsafe bool Control(int epoll, int operation, int fd, ulong data)
    {
        byte* evt = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(evt, 4), Interop.EPOLLIN);
        BinaryPrimitives.WriteUInt64LittleEndian(new Span<byte>(evt + Interop.EpollDataOffset, 8), data);
        return Interop.epoll_ctl(epoll, operation, fd, evt) == 0;
    }
}
