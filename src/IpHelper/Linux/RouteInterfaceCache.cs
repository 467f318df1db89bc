using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// The interface facts of single-route answers (GetBestRoute2), kept between calls instead of one
/// RTM_GETLINK per call and dropped as soon as a <see cref="LinkChangeWatch"/> sees any link change,
/// so a row never carries the LUID of an interface that was replaced. Interface metrics are not kept:
/// they are read from <see cref="InterfaceMetricStore"/> on every use, because another process may set
/// them. Only the process's own namespace has a cache (<see cref="ResolveRow"/>); inside a
/// <see cref="NetNamespace"/> scope nothing outlives the call.
/// </summary>
internal sealed class RouteInterfaceCache(LinkChangeWatch watch)
{
    private static readonly RouteInterfaceCache s_process = new(LinkChangeWatch.Process);
    private readonly Lock _lock = new();
    private RouteInterfaceMap? _map;
    private long _generation;

    /// <summary>Completes the row's LUID, Loopback and Metric from the cache of the current namespace, if it has one.</summary>
    public static NetlinkError ResolveRow(NetlinkSocket socket, ref MibIpForwardRow2 row) => NetNamespace.IsDefault
        ? s_process.Resolve(socket, ref row)
        : RouteRowMapper.Resolve(socket, new RouteInterfaceMap(), ref row);

    /// <summary>
    /// Completes the row's LUID, Loopback and Metric, as <see cref="RouteRowMapper.Resolve(NetlinkSocket, RouteInterfaceMap, ref MibIpForwardRow2)"/>,
    /// with the facts kept since the last link change.
    /// </summary>
    public NetlinkError Resolve(NetlinkSocket socket, ref MibIpForwardRow2 row)
    {
        var generation = watch.Generation();
        lock (_lock)
        {
            if (_map is null || generation != _generation)
            {
                _map = new RouteInterfaceMap(keepMetrics: false);
                _generation = generation;
            }
            var error = RouteRowMapper.Resolve(socket, _map, ref row);
            if (error.Failed) _map = null;
            return error;
        }
    }
}
