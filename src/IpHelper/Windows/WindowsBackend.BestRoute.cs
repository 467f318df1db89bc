using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public unsafe BackendResult GetBestRoute(in SockAddrInet destination, in SockAddrInet source, uint interfaceIndex,
        out MibIpForwardRow2 bestRoute, out SockAddrInet bestSource)
    {
        bestRoute = default;
        bestSource = default;
        if (!IsAvailable(nameof(IpHlpApi.GetBestRoute2), out var missing)) return missing;
        var to = destination;
        var from = source;
        MibIpForwardRow2 route;
        SockAddrInet chosen;
        var error = IpHlpApi.GetBestRoute2(null, interfaceIndex, from.Family == AddressFamily.Unspecified ? null : &from, &to, 0, &route, &chosen);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetBestRoute2));
        bestRoute = route;
        bestSource = chosen;
        return BackendResult.Success;
    }

    /// <summary>The interface of the unicast address <paramref name="address"/> (with its scope id, if any, as the interface), or NotFound.</summary>
    public BackendResult FindLocalAddress(in SockAddrInet address, out uint interfaceIndex)
    {
        interfaceIndex = 0;
        var status = GetUnicastAddressTable(address.Family, out var table);
        if (status != NetIoStatus.Success) return status;
        using (table)
        {
            foreach (ref readonly var row in table!.AsSpan())
            {
                if (!row.Address.AddressEquals(address) || (address.ScopeId != 0 && address.ScopeId != row.InterfaceIndex)) continue;
                interfaceIndex = row.InterfaceIndex;
                return BackendResult.Success;
            }
        }
        return BackendResult.Fail(NetIoStatus.NotFound, $"{address} is not an address of this computer", "SourceAddress");
    }
}
