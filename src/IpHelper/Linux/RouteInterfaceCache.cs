using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// The interface facts of single-route answers (GetBestRoute2), kept between calls instead of one
/// RTM_GETLINK per call. A subscription to RTNLGRP_LINK in the cache's namespace, polled without
/// waiting on every use, throws the facts away as soon as the kernel announces any link change (or
/// an overrun), so a row never carries the LUID of an interface that was replaced. Interface metrics
/// are not kept: they are read from <see cref="InterfaceMetricStore"/> on every use, because another
/// process may set them. Only the process's own namespace has a cache (<see cref="ResolveRow"/>);
/// inside a <see cref="NetNamespace"/> scope nothing outlives the call.
/// </summary>
internal sealed class RouteInterfaceCache : IDisposable
{
    private const int SubscriberBufferBytes = 64 * 1024;
    private static readonly RouteInterfaceCache s_process = new();
    private readonly Lock _lock = new();
    private NetlinkSocket? _links;
    private RouteInterfaceMap? _map;

    /// <summary>Completes the row's LUID, Loopback and Metric from the cache of the current namespace, if it has one.</summary>
    public static NetlinkError ResolveRow(NetlinkSocket socket, ref MibIpForwardRow2 row) => NetNamespace.IsDefault
        ? s_process.Resolve(socket, ref row)
        : RouteRowMapper.Resolve(socket, new RouteInterfaceMap(), ref row);

    /// <summary>
    /// Completes the row's LUID, Loopback and Metric, as <see cref="RouteRowMapper.Resolve(NetlinkSocket, RouteInterfaceMap, ref MibIpForwardRow2)"/>,
    /// with the facts kept since the last link change. The subscription is opened on first use in the current namespace.
    /// </summary>
    public NetlinkError Resolve(NetlinkSocket socket, ref MibIpForwardRow2 row)
    {
        lock (_lock)
        {
            if (_links is null)
            {
                // Subscribe before the first load, so a change after the load is always seen.
                _links = NetlinkSocket.OpenSubscriber([RtnlGroups.RTNLGRP_LINK], SubscriberBufferBytes);
                _map = null;
            }
            else if (_links.Drain())
            {
                _map = null;
            }
            _map ??= new RouteInterfaceMap(keepMetrics: false);
            var error = RouteRowMapper.Resolve(socket, _map, ref row);
            if (error.Failed) _map = null;
            return error;
        }
    }

    /// <summary>Closes the subscription.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _links?.Dispose();
            _links = null;
            _map = null;
        }
    }
}
