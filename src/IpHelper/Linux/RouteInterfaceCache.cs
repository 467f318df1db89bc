using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// The interface facts of single-route answers (GetBestRoute2) in one namespace, kept between calls
/// instead of one RTM_GETLINK per call and dropped as soon as the namespace's <see cref="LinkChangeWatch"/>
/// sees any link change, so a row never carries the LUID of an interface that was replaced. Interface
/// metrics are not kept: they are read from the namespace's <see cref="InterfaceMetricStore"/> on every
/// use, because another process may set them.
/// </summary>
internal sealed class RouteInterfaceCache(NamespaceContext context)
{
    private readonly Lock _lock = new();
    private RouteInterfaceMap? _map;
    private long _generation;

    /// <summary>
    /// Completes the row's LUID, Loopback and Metric, as <see cref="RouteRowMapper.Resolve(NetlinkSocket, RouteInterfaceMap, ref MibIpForwardRow2)"/>,
    /// with the facts kept since the last link change.
    /// </summary>
    public NetlinkError Resolve(NetlinkSocket socket, ref MibIpForwardRow2 row)
    {
        var generation = context.Links.Generation();
        lock (_lock)
        {
            if (_map is null || generation != _generation)
            {
                _map = new RouteInterfaceMap(context.Metrics, keepMetrics: false);
                _generation = generation;
            }
            var error = RouteRowMapper.Resolve(socket, _map, ref row);
            if (error.Failed) _map = null;
            return error;
        }
    }
}
