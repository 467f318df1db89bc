using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// The namespace's kept interface facts (one <see cref="LinkDirectory"/>) and what tells whether they
/// are still true: a subscription to RTNLGRP_LINK, checked without waiting (through <see cref="LinkReadiness"/>). Every link change (new,
/// changed or deleted link) is announced on it before the change's request returns, so a look after the
/// change always sees it. The kept directory is tagged with the <see cref="Generation"/> it was read in
/// and is good while it stays the same: one invalidation scheme for every user (address and neighbour
/// tables, GetBestRoute2, route notifications). Interface metrics are never kept: another process may
/// set them, so they are read from the store on every use.
/// Outside the process's own namespace its socket is also the context's anchor: it holds the namespace.
/// </summary>
internal sealed class LinkChangeWatch : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly NamespaceContext _context;
    private readonly Lock _lock = new();
    private NetlinkSocket? _socket;
    private ulong _readinessId;
    private long _generation;
    private Kept? _kept;

    /// <summary>A watch of <paramref name="context"/>'s links: on <paramref name="anchor"/>, or subscribed on first use when null.</summary>
    public LinkChangeWatch(NamespaceContext context, NetlinkSocket? anchor)
    {
        _context = context;
        _socket = anchor;
        if (anchor is null) return;
        _readinessId = LinkReadiness.Register(this, (int)anchor.Handle.DangerousGetHandle());
        _generation = 1;
    }

    /// <summary>Opens an RTNLGRP_LINK subscription in the calling thread's namespace.</summary>
    /// <exception cref="NetlinkException">The socket could not be opened or the group joined.</exception>
    public static NetlinkSocket Subscribe() => NetlinkSocket.OpenSubscriber([RtnlGroups.RTNLGRP_LINK], BufferBytes, datagramBufferBytes: 4096);

    /// <summary>The subscription's socket, or null before the first use (the process's namespace) and once disposed.</summary>
    public NetlinkSocket? Socket => Volatile.Read(ref _socket);

    /// <summary>
    /// A number that changes whenever a link changed (or notifications were lost) since the previous
    /// call; read it before reading the facts it will vouch for. One epoll_wait that does not wait
    /// (<see cref="LinkReadiness.Check"/>) checks the subscription and, in the same system call, the
    /// interface-metric stores (<see cref="InterfaceMetricWatch"/>): after it, their <c>polled</c> reads need
    /// no check of their own. The first call subscribes in the context's namespace; while it cannot (or
    /// the subscription cannot be watched), every call returns a new number.
    /// </summary>
    public long Generation()
    {
        if (Volatile.Read(ref _socket) is null) return SubscribeHere();
        if (Volatile.Read(ref _readinessId) == 0 || !LinkReadiness.Check()) return Interlocked.Increment(ref _generation);
        return Volatile.Read(ref _generation);
    }

    /// <summary>
    /// The subscription has something queued (POLLIN, or POLLERR for an overrun): the number changes
    /// before the queue is emptied, so a caller that finds it empty already sees the new number.
    /// </summary>
    internal void OnReadable()
    {
        lock (_lock)
        {
            Interlocked.Increment(ref _generation);
            _socket?.Drain();
        }
    }

    /// <summary>The first use in the process's namespace: subscribes (counted as a change) and polls the metric stores.</summary>
    private long SubscribeHere()
    {
        InterfaceMetricWatch.Generation();
        lock (_lock)
        {
            if (_socket is not null) return Interlocked.Increment(ref _generation);
            try
            {
                var socket = _context.RunHere(Subscribe);
                Volatile.Write(ref _readinessId, LinkReadiness.Register(this, (int)socket.Handle.DangerousGetHandle()));
                Volatile.Write(ref _socket, socket);
            }
            catch (Exception e) when (e is NetlinkException or ObjectDisposedException)
            {
                // No subscription (out of descriptors, say): nothing may be kept, every call reads afresh.
            }
            return Interlocked.Increment(ref _generation);
        }
    }

    /// <summary>Every link of the namespace: the directory kept since the last link change, or a fresh dump (kept for the next call).</summary>
    public BackendResult Directory(NetlinkSocket socket, out LinkDirectory directory)
    {
        var generation = Generation();
        if (Volatile.Read(ref _kept) is { } kept && kept.Generation == generation && kept.Directory.IsComplete)
        {
            directory = kept.Directory;
            return BackendResult.Success;
        }
        var status = LinkDirectory.Load(socket, out directory);
        if (status == NetIoStatus.Success) Volatile.Write(ref _kept, new Kept(directory, generation));
        return status;
    }

    /// <summary>
    /// The directory kept since the last link change, complete or filled link by link (add a missing link
    /// with <see cref="LinkDirectory.TryLoad"/>); an empty one when a link changed since.
    /// </summary>
    public LinkDirectory Current()
    {
        var generation = Generation();
        if (Volatile.Read(ref _kept) is { } kept && kept.Generation == generation) return kept.Directory;
        var fresh = new LinkDirectory();
        Volatile.Write(ref _kept, new Kept(fresh, generation));
        return fresh;
    }

    /// <summary>The LUID of a link from the kept facts (one RTM_GETLINK when they do not have it), or the zero LUID when it is gone.</summary>
    public NetLuid LuidOf(NetlinkSocket socket, int index)
    {
        var links = Current();
        if (links.TryGet(index, out var facts) || (links.TryLoad(socket, index, out _) && links.TryGet(index, out facts))) return facts.Luid;
        return default;
    }

    /// <summary>
    /// Completes a single route row's LUID, Loopback and Metric (<see cref="RouteRowMapper.Resolve(NetlinkSocket, RouteInterfaceMap, ref MibIpForwardRow2)"/>)
    /// from the kept facts, loading its interface with one RTM_GETLINK when they do not have it. A row
    /// on an interface that is gone keeps a zero LUID.
    /// </summary>
    public NetlinkError ResolveRoute(NetlinkSocket socket, ref MibIpForwardRow2 row)
    {
        if (!row.InterfaceLuid.IsUnspecified || row.InterfaceIndex == 0) return NetlinkError.None;
        var links = Current();
        var index = (int)row.InterfaceIndex;
        if (!links.TryGet(index, out var facts))
        {
            if (!links.TryLoad(socket, index, out var error)) return error;
            links.TryGet(index, out facts);
        }
        row.InterfaceLuid = facts.Luid;
        row.Loopback |= facts.IsLoopback;
        if (InterfaceMetricRule.Applies(row))
            row.Metric = RouteRowMapper.SubtractInterfaceMetric(row.Metric, _context.Metrics.Effective(row.DestinationPrefix.Prefix.Family, (uint)index, facts.Name, polled: true));
        return NetlinkError.None;
    }

    /// <summary>Closes the subscription.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_socket is { } socket)
            {
                LinkReadiness.Unregister(_readinessId, (int)socket.Handle.DangerousGetHandle());
                _readinessId = 0;
                socket.Dispose();
            }
            _socket = null;
            Interlocked.Increment(ref _generation);
            _kept = null;
        }
    }

    private sealed record Kept(LinkDirectory Directory, long Generation);
}
