using System.Net;
using System.Net.NetworkInformation;

namespace IpHelper.Objects;

/// <summary>
/// winipcfg-style methods on a <see cref="NetLuid"/> (as wireguard-windows' <c>luid.AddRoute</c>,
/// <c>luid.FlushRoutes</c>, <c>luid.SetIPAddresses</c>) and the bridge from
/// <see cref="NetworkInterface"/>. Each is a thin composition of <see cref="NetIo"/> calls in the current
/// namespace and throws <see cref="NetIoException"/> on the first failure.
/// </summary>
public static class NetLuidExtensions
{
    /// <summary>
    /// The LUID of a <see cref="NetworkInterface"/>: by GUID where its Id is one (Windows), else by name (Linux,
    /// where Id is the interface name). The interface must exist in the current namespace; NetworkInterface itself
    /// always reads the process's own namespace.
    /// </summary>
    /// <exception cref="NetIoException">No interface of that name or GUID (InvalidParameter / NotFound).</exception>
    public static NetLuid GetNetLuid(this NetworkInterface networkInterface)
    {
        ArgumentNullException.ThrowIfNull(networkInterface);
        NetLuid luid;
        var status = Guid.TryParse(networkInterface.Id, out var guid)
            ? NetIo.ConvertInterfaceGuidToLuid(guid, out luid)
            : NetIo.ConvertInterfaceAliasToLuid(networkInterface.Name, out luid);
        status.ThrowIfFailed();
        return luid;
    }

    /// <summary>The LUID of an interface alias (its Linux name).</summary>
    /// <exception cref="NetIoException">No interface of that name.</exception>
    public static NetLuid FromAlias(string interfaceAlias)
    {
        NetIo.ConvertInterfaceAliasToLuid(interfaceAlias, out var luid).ThrowIfFailed();
        return luid;
    }

    /// <summary>The LUID of an interface index.</summary>
    /// <exception cref="NetIoException">No interface with that index.</exception>
    public static NetLuid FromIndex(uint interfaceIndex)
    {
        NetIo.ConvertInterfaceIndexToLuid(interfaceIndex, out var luid).ThrowIfFailed();
        return luid;
    }

    /// <summary>The interface's IP interface of a family.</summary>
    /// <exception cref="NetIoException">The interface has none (NotFound).</exception>
    public static NetIPInterface GetIPInterface(this NetLuid luid, IPAddressFamily addressFamily)
    {
        NetIo.InitializeIpInterfaceEntry(out var row);
        row.InterfaceLuid = luid;
        row.Family = addressFamily.ToSocketFamily();
        NetIo.GetIpInterfaceEntry(ref row).ThrowIfFailed();
        return new NetIPInterface(row, InterfaceDirectory.Read().Alias(row.InterfaceIndex));
    }

    /// <summary>The routes through the interface, of a family (both when null).</summary>
    /// <exception cref="NetIoException">The read failed.</exception>
    public static IReadOnlyList<NetRoute> GetRoutes(this NetLuid luid, IPAddressFamily? addressFamily = null) =>
        [.. NetRoute.Get(addressFamily).Where(route => route.InterfaceLuid == luid)];

    /// <summary>Adds a route through the interface (CreateIpForwardEntry2); an unspecified or null next hop means on-link.</summary>
    /// <exception cref="NetIoException">The kernel refused.</exception>
    public static NetRoute AddRoute(this NetLuid luid, IPNetwork destination, IPAddress? nextHop = null, uint? metric = null) =>
        NetRoute.Create(destination, luid, nextHop, metric);

    /// <summary>
    /// Deletes the interface's routes of a family (both when null) that were added by hand or by a daemon, leaving
    /// the stack's own (Protocol Local: connected and local routes), like winipcfg's FlushRoutes.
    /// </summary>
    /// <exception cref="NetIoException">A read or a deletion failed; the routes before it are gone.</exception>
    public static void FlushRoutes(this NetLuid luid, IPAddressFamily? addressFamily = null)
    {
        foreach (var route in luid.GetRoutes(addressFamily).Where(static r => r.Protocol != RouteProtocol.Local)) route.Remove();
    }

    /// <summary>The interface's unicast addresses of a family (both when null).</summary>
    /// <exception cref="NetIoException">The read failed.</exception>
    public static IReadOnlyList<NetIPAddress> GetIPAddresses(this NetLuid luid, IPAddressFamily? addressFamily = null) =>
        [.. NetIPAddress.Get(addressFamily).Where(address => address.InterfaceLuid == luid)];

    /// <summary>Adds an address with its on-link prefix (CreateUnicastIpAddressEntry): 192.0.2.1/24 is address 192.0.2.1, length 24.</summary>
    /// <exception cref="NetIoException">The kernel refused.</exception>
    public static NetIPAddress AddIPAddress(this NetLuid luid, IPAddress address, byte prefixLength) =>
        NetIPAddress.Create(address, prefixLength, luid);

    /// <summary>Deletes the interface's addresses of a family (both when null), IPv6 link-local ones included.</summary>
    /// <exception cref="NetIoException">A read or a deletion failed.</exception>
    public static void FlushIPAddresses(this NetLuid luid, IPAddressFamily? addressFamily = null)
    {
        foreach (var address in luid.GetIPAddresses(addressFamily)) address.Remove();
    }

    /// <summary>
    /// Makes the interface's addresses of the families present in <paramref name="addresses"/> exactly those:
    /// adds the missing ones, deletes the others (IPv6 link-local addresses are kept), like winipcfg's SetIPAddresses.
    /// </summary>
    /// <exception cref="NetIoException">A read, an addition or a deletion failed.</exception>
    public static void SetIPAddresses(this NetLuid luid, IReadOnlyCollection<(IPAddress Address, byte PrefixLength)> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var families = addresses.Select(static a => a.Address.AddressFamily.ToIPAddressFamily()).ToHashSet();
        var present = luid.GetIPAddresses().Where(a => families.Contains(a.AddressFamily) && !a.IPAddress.IsIPv6LinkLocal).ToList();
        foreach (var old in present.Where(p => !addresses.Any(a => a.Address.Equals(p.IPAddress) && a.PrefixLength == p.PrefixLength))) old.Remove();

        // Deleting a primary IPv4 address deletes its secondaries too (unless promote_secondaries is set): read again.
        present = [.. luid.GetIPAddresses()];
        foreach (var (address, length) in addresses.Where(a => !present.Any(p => a.Address.Equals(p.IPAddress) && a.PrefixLength == p.PrefixLength)))
            NetIPAddress.Create(address, length, luid);
    }
}
