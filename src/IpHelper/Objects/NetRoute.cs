using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace IpHelper.Objects;

/// <summary>
/// A route as Get-NetRoute shows it (MSFT_NetRoute): one row of <see cref="NetIo.GetIpForwardTable2"/> with its
/// interface alias and interface metric, BCL types and TimeSpan lifetimes. On Linux the table is the main and
/// local routing tables of the current network namespace (<see cref="NetNamespace.Enter(string)"/>), as
/// GetIpForwardTable2 reads them. The static methods read and write through <see cref="NetIo"/> and throw
/// <see cref="NetIoException"/> (status, errno and the kernel's reason) where NetIo returns a failure.
/// </summary>
public sealed class NetRoute
{
    private readonly MibIpForwardRow2 _row;

    internal NetRoute(in MibIpForwardRow2 row, string interfaceAlias, uint? interfaceMetric)
    {
        _row = row;
        InterfaceAlias = interfaceAlias;
        InterfaceMetric = interfaceMetric;
        DestinationPrefix = row.DestinationPrefix.ToIPNetwork();
        NextHop = NetObjects.ToAddress(row.NextHop) ?? NetObjects.Unspecified(row.DestinationPrefix.Prefix.Family);
    }

    /// <summary>The interface index (ifIndex).</summary>
    public uint InterfaceIndex => _row.InterfaceIndex;

    /// <summary>The interface's alias: its Linux name (eth0).</summary>
    public string InterfaceAlias { get; }

    /// <summary>The interface's NET_LUID.</summary>
    public NetLuid InterfaceLuid => _row.InterfaceLuid;

    /// <summary>IPv4 or IPv6.</summary>
    public IPAddressFamily AddressFamily => _row.DestinationPrefix.Prefix.Family.ToIPAddressFamily();

    /// <summary>The destination prefix (routes have no host bits on Linux, so nothing is lost by IPNetwork).</summary>
    public IPNetwork DestinationPrefix { get; }

    /// <summary>The next hop; 0.0.0.0 or :: for an on-link route, as on Windows. An IPv6 link-local next hop keeps its scope id.</summary>
    public IPAddress NextHop { get; }

    /// <summary>The route's own metric (the kernel priority less the interface metric IpHelper folds into it: docs/mapping.md).</summary>
    public uint RouteMetric => _row.Metric;

    /// <summary>The metric of the route's IP interface (Get-NetIPInterface's InterfaceMetric), or null when the interface has no IP interface of the family.</summary>
    public uint? InterfaceMetric { get; }

    /// <summary>Who installed the route, from its rtm_protocol.</summary>
    public RouteProtocol Protocol => (RouteProtocol)_row.Protocol;

    /// <summary>How long the route stays valid; <see cref="TimeSpan.MaxValue"/> when it does not expire (IPv4 routes never expire on Linux).</summary>
    public TimeSpan ValidLifetime => NetObjects.LifetimeFromSeconds(_row.ValidLifetime);

    /// <summary>How long the route stays preferred; the same as <see cref="ValidLifetime"/> on Linux.</summary>
    public TimeSpan PreferredLifetime => NetObjects.LifetimeFromSeconds(_row.PreferredLifetime);

    /// <summary>Whether the route is published in router advertisements: always false on Linux (docs/mapping.md).</summary>
    public bool Publish => _row.Publish;

    /// <summary>Linux has only the active store: routes do not survive a reboot unless a configuration tool adds them again.</summary>
    public string PolicyStore => "ActiveStore";

    /// <summary>The Windows row this object was made from, for the NetIo functions.</summary>
    public MibIpForwardRow2 Row => _row;

    /// <summary>Every route of the family (both when null) in the current namespace.</summary>
    /// <exception cref="NetIoException">A read failed.</exception>
    public static IReadOnlyList<NetRoute> Get(IPAddressFamily? addressFamily = null)
    {
        var directory = InterfaceDirectory.Read();
        NetIo.GetIpForwardTable2(NetObjects.ToTableFamily(addressFamily), out var table).ThrowIfFailed();
        using (table)
        {
            var routes = new List<NetRoute>(table!.Count);
            foreach (ref readonly var row in table.AsSpan()) routes.Add(From(row, directory));
            return routes;
        }
    }

    /// <summary>
    /// Creates a route (CreateIpForwardEntry2) and returns it as the kernel now has it. Without a next hop the route
    /// is on-link. The metric and lifetimes default to Windows' defaults (metric chosen by the stack, infinite).
    /// </summary>
    /// <exception cref="NetIoException">The kernel refused (ObjectAlreadyExists, InvalidParameter, AccessDenied, ...); nothing was created.</exception>
    public static NetRoute Create(IPNetwork destinationPrefix, NetLuid interfaceLuid, IPAddress? nextHop = null, uint? routeMetric = null,
        RouteProtocol? protocol = null, TimeSpan? validLifetime = null, TimeSpan? preferredLifetime = null)
    {
        NetIo.InitializeIpForwardEntry(out var row);
        row.DestinationPrefix = IpAddressPrefix.FromIPNetwork(destinationPrefix);
        row.InterfaceLuid = interfaceLuid;
        row.NextHop = NetObjects.ToSockAddr(nextHop ?? NetObjects.Unspecified(destinationPrefix.BaseAddress.AddressFamily));
        if (routeMetric is { } metric) row.Metric = metric;
        if (protocol is { } p) row.Protocol = (NlRouteProtocol)p;
        if (validLifetime is { } valid) row.ValidLifetime = NetObjects.LifetimeToSeconds(valid);
        if (preferredLifetime is { } preferred) row.PreferredLifetime = NetObjects.LifetimeToSeconds(preferred);
        NetIo.CreateIpForwardEntry2(row).ThrowIfFailed();
        return Reread(row);
    }

    /// <summary>
    /// The route the kernel would use to reach <paramref name="destination"/> and the source address it would pick
    /// (GetBestRoute2), like Find-NetRoute; a source address or interface restricts the lookup.
    /// </summary>
    /// <exception cref="NetIoException">No route (NetworkUnreachable, NotFound) or a bad argument (InvalidParameter).</exception>
    public static NetRouteLookup Find(IPAddress destination, IPAddress? sourceAddress = null, NetLuid? interfaceLuid = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        SockAddrInet? source = sourceAddress is null ? null : NetObjects.ToSockAddr(sourceAddress);
        NetIo.GetBestRoute2(interfaceLuid, 0, source, NetObjects.ToSockAddr(destination), 0, out var best, out var bestSource).ThrowIfFailed();
        var directory = InterfaceDirectory.Read();
        var address = new MibUnicastIpAddressRow { Address = bestSource, InterfaceLuid = best.InterfaceLuid };
        NetIo.GetUnicastIpAddressEntry(ref address).ThrowIfFailed();
        return new NetRouteLookup(From(best, directory), new NetIPAddress(address, directory.Alias(address.InterfaceIndex)));
    }

    /// <summary>
    /// Changes the route's metric, protocol or lifetimes (SetIpForwardEntry2); null keeps a value. Returns the route
    /// as the kernel now has it.
    /// </summary>
    /// <exception cref="NetIoException">The route is gone (NotFound) or the kernel refused; nothing changed.</exception>
    public NetRoute Set(uint? routeMetric = null, RouteProtocol? protocol = null, TimeSpan? validLifetime = null, TimeSpan? preferredLifetime = null)
    {
        var row = _row;
        NetIo.GetIpForwardEntry2(ref row).ThrowIfFailed();
        row.Metric = routeMetric ?? uint.MaxValue;
        if (protocol is { } p) row.Protocol = (NlRouteProtocol)p;
        if (validLifetime is { } valid) row.ValidLifetime = NetObjects.LifetimeToSeconds(valid);
        if (preferredLifetime is { } preferred) row.PreferredLifetime = NetObjects.LifetimeToSeconds(preferred);
        NetIo.SetIpForwardEntry2(row).ThrowIfFailed();
        return Reread(row);
    }

    /// <summary>Deletes the route (DeleteIpForwardEntry2).</summary>
    /// <exception cref="NetIoException">The route is gone (NotFound) or the kernel refused.</exception>
    public void Remove() => NetIo.DeleteIpForwardEntry2(_row).ThrowIfFailed();

    /// <summary>
    /// The route table's changes (NotifyRouteChange2's stream) as objects, until <paramref name="cancellationToken"/>
    /// is cancelled. Aliases and interface metrics are read when a change arrives.
    /// </summary>
    /// <exception cref="NetIoException">The registration failed.</exception>
    public static async IAsyncEnumerable<NetChange<NetRoute>> WatchAsync(IPAddressFamily? addressFamily = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var change in NetIo.WatchRouteChanges(NetObjects.ToTableFamily(addressFamily), cancellationToken).ConfigureAwait(false))
        {
            NetRoute? route = change.Row is { } row ? From(row, InterfaceDirectory.Read()) : null;
            yield return new NetChange<NetRoute>(change.NotificationType, route, change.IsResync);
        }
    }

    /// <summary>The route in one line: prefix, next hop, interface and metrics.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{DestinationPrefix} via {NextHop} dev {InterfaceAlias} (ifIndex {InterfaceIndex}) metric {RouteMetric}+{InterfaceMetric} {Protocol}");

    internal static NetRoute From(in MibIpForwardRow2 row, InterfaceDirectory directory) =>
        new(row, directory.Alias(row.InterfaceIndex), directory.InterfaceMetric(row.DestinationPrefix.Prefix.Family, row.InterfaceIndex));

    private static NetRoute Reread(MibIpForwardRow2 row)
    {
        NetIo.GetIpForwardEntry2(ref row).ThrowIfFailed();
        return From(row, InterfaceDirectory.Read());
    }
}
