using System.Collections.Concurrent;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// Request sockets for the current namespace. The process's own namespace keeps a few open for
/// reuse; inside a <see cref="NetNamespace"/> scope a socket is opened for the call and closed after
/// it, so nothing outlives the scope.
/// </summary>
internal static class RtnlSockets
{
    private const int MaxPooled = 4;
    private static readonly ConcurrentBag<NetlinkSocket> s_pool = [];

    [ThreadStatic]
    private static NetlinkSocket? t_pinned;

    /// <summary>A socket for one call; dispose the lease to give it back.</summary>
    public static Lease Rent()
    {
        if (t_pinned is { } pinned) return new Lease(pinned, pooled: false, owned: false);
        if (NetNamespace.IsDefault && s_pool.TryTake(out var pooled)) return new Lease(pooled, pooled: true);
        return new Lease(NetlinkSocket.Open(), pooled: NetNamespace.IsDefault);
    }

    /// <summary>
    /// Makes every <see cref="Rent"/> on this thread return <paramref name="socket"/> until the returned
    /// scope is disposed: a notification subscription re-reads its tables through the request socket it
    /// opened in its namespace, whatever namespace scope is current when it resynchronises.
    /// </summary>
    public static PinScope Pin(NetlinkSocket socket)
    {
        var previous = t_pinned;
        t_pinned = socket;
        return new PinScope(previous);
    }

    internal readonly struct PinScope(NetlinkSocket? previous) : IDisposable
    {
        public void Dispose() => t_pinned = previous;
    }

    internal readonly struct Lease(NetlinkSocket socket, bool pooled, bool owned = true) : IDisposable
    {
        public NetlinkSocket Socket { get; } = socket;

        public void Dispose()
        {
            if (!owned) return;
            if (pooled && s_pool.Count < MaxPooled) s_pool.Add(Socket);
            else Socket.Dispose();
        }
    }
}
