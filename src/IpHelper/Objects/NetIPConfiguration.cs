namespace IpHelper.Objects;

/// <summary>
/// One interface's IP configuration as Get-NetIPConfiguration shows it: the adapter, its IPv4 and IPv6
/// addresses and its default gateways, gathered from the other objects. DNS servers are not part of it: the kernel
/// has none (they belong to the resolver, out of this library's scope).
/// </summary>
public sealed class NetIPConfiguration
{
    internal NetIPConfiguration(NetAdapter adapter, IReadOnlyList<NetIPAddress> addresses, IReadOnlyList<NetRoute> gateways)
    {
        NetAdapter = adapter;
        IPv4Address = [.. addresses.Where(static a => a.AddressFamily == IPAddressFamily.IPv4)];
        IPv6Address = [.. addresses.Where(static a => a.AddressFamily == IPAddressFamily.IPv6 && !a.IPAddress.IsIPv6LinkLocal)];
        IPv6LinkLocalAddress = [.. addresses.Where(static a => a.IPAddress.IsIPv6LinkLocal)];
        IPv4DefaultGateway = [.. gateways.Where(static r => r.AddressFamily == IPAddressFamily.IPv4)];
        IPv6DefaultGateway = [.. gateways.Where(static r => r.AddressFamily == IPAddressFamily.IPv6)];
    }

    /// <summary>The interface's alias: its Linux name.</summary>
    public string InterfaceAlias => NetAdapter.Name;

    /// <summary>The interface index (ifIndex).</summary>
    public uint InterfaceIndex => NetAdapter.InterfaceIndex;

    /// <summary>The interface description.</summary>
    public string InterfaceDescription => NetAdapter.InterfaceDescription;

    /// <summary>The adapter.</summary>
    public NetAdapter NetAdapter { get; }

    /// <summary>The IPv4 addresses.</summary>
    public IReadOnlyList<NetIPAddress> IPv4Address { get; }

    /// <summary>The IPv6 addresses other than link-local ones.</summary>
    public IReadOnlyList<NetIPAddress> IPv6Address { get; }

    /// <summary>The IPv6 link-local addresses.</summary>
    public IReadOnlyList<NetIPAddress> IPv6LinkLocalAddress { get; }

    /// <summary>The IPv4 default routes (0.0.0.0/0) through the interface.</summary>
    public IReadOnlyList<NetRoute> IPv4DefaultGateway { get; }

    /// <summary>The IPv6 default routes (::/0) through the interface.</summary>
    public IReadOnlyList<NetRoute> IPv6DefaultGateway { get; }

    /// <summary>
    /// The configuration of every adapter of the current namespace (loopback only with
    /// <paramref name="includeHidden"/>), in index order.
    /// </summary>
    /// <exception cref="NetIoException">A read failed.</exception>
    public static IReadOnlyList<NetIPConfiguration> Get(bool includeHidden = false)
    {
        var addresses = NetIPAddress.Get().ToLookup(static a => a.InterfaceIndex);
        var gateways = NetRoute.Get().Where(static r => r.DestinationPrefix.PrefixLength == 0).ToLookup(static r => r.InterfaceIndex);
        return [.. NetAdapter.Get(includeHidden).Select(adapter =>
            new NetIPConfiguration(adapter, [.. addresses[adapter.InterfaceIndex]], [.. gateways[adapter.InterfaceIndex]]))];
    }

    /// <summary>The configuration in one line: interface, addresses and gateways.</summary>
    public override string ToString() =>
        $"{InterfaceAlias} (ifIndex {InterfaceIndex}): {string.Join(", ", IPv4Address.Concat(IPv6Address).Select(static a => $"{a.IPAddress}/{a.PrefixLength}"))}"
        + $" gateways {string.Join(", ", IPv4DefaultGateway.Concat(IPv6DefaultGateway).Select(static r => r.NextHop.ToString()))}";

}
