using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Neighbors;

/// <summary>The query parameters that choose neighbour entries, shared by Get-, Set- and Remove-NetNeighbor.</summary>
public abstract class NetNeighborQueryCommand : NetCmdlet
{
    /// <summary>Neighbour addresses (wildcards allowed).</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Query)]
    public string[]? IPAddress { get; set; }

    /// <summary>Interface aliases (Linux names, wildcards allowed).</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    [Alias("ifAlias")]
    public string[]? InterfaceAlias { get; set; }

    /// <summary>Interface indexes.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    [Alias("ifIndex")]
    public uint[]? InterfaceIndex { get; set; }

    /// <summary>IPv4, IPv6 or both.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public IPAddressFamily[]? AddressFamily { get; set; }

    /// <summary>The entries the query parameters choose; reports a not-found error when an exact query matched nothing.</summary>
    protected IReadOnlyList<NetNeighbor> QueryNeighbors(Func<NetNeighbor, bool>? extra = null)
    {
        var family = AddressFamily is { Length: 1 } one ? one[0] : (IPAddressFamily?)null;
        var neighbors = NetNeighbor.Get(family).Where(n =>
            Filter.Text(IPAddress, n.IPAddress.ToString()) && Filter.Text(InterfaceAlias, n.InterfaceAlias) && Filter.Value(InterfaceIndex, n.InterfaceIndex)
            && Filter.Value(AddressFamily, n.AddressFamily) && (extra is null || extra(n))).ToList();
        if (neighbors.Count == 0 && (Filter.IsExact(IPAddress) || Filter.IsExact(InterfaceAlias) || InterfaceIndex is not null))
            ReportNotFound("MSFT_NetNeighbor", [("IPAddress", IPAddress), ("InterfaceAlias", InterfaceAlias), ("InterfaceIndex", InterfaceIndex)]);
        return neighbors;
    }

    /// <summary>A link-layer address in any of the usual forms (00-15-5D-..., 00:15:5d:..., 00155D...), or null after reporting the error.</summary>
    protected System.Net.NetworkInformation.PhysicalAddress? ParseLinkLayerAddress(string text)
    {
        if (System.Net.NetworkInformation.PhysicalAddress.TryParse(text, out var mac) && mac.GetAddressBytes().Length > 0) return mac;
        WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{text}' is not a link-layer address (e.g. 02-00-5E-10-00-01).", text));
        return null;
    }
}
