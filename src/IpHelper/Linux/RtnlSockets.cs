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

    /// <summary>A socket for one call; dispose the lease to give it back.</summary>
    public static Lease Rent()
    {
        if (NetNamespace.IsDefault && s_pool.TryTake(out var pooled)) return new Lease(pooled, pooled: true);
        return new Lease(NetlinkSocket.Open(), pooled: NetNamespace.IsDefault);
    }

    internal readonly struct Lease(NetlinkSocket socket, bool pooled) : IDisposable
    {
        public NetlinkSocket Socket { get; } = socket;

        public void Dispose()
        {
            if (pooled && s_pool.Count < MaxPooled) s_pool.Add(Socket);
            else Socket.Dispose();
        }
    }
}
