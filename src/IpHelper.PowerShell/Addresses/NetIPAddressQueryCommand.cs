using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Addresses;

/// <summary>The query parameters that choose unicast addresses, shared by Get-, Set- and Remove-NetIPAddress.</summary>
public abstract class NetIPAddressQueryCommand : NetCmdlet
{
    /// <summary>Addresses (wildcards allowed).</summary>
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

    /// <summary>On-link prefix lengths.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public byte[]? PrefixLength { get; set; }

    /// <summary>The addresses the query parameters choose; reports a not-found error when an exact query matched nothing.</summary>
    protected IReadOnlyList<NetIPAddress> QueryAddresses(Func<NetIPAddress, bool>? extra = null)
    {
        var family = AddressFamily is { Length: 1 } one ? one[0] : (IPAddressFamily?)null;
        var addresses = NetIPAddress.Get(family).Where(a =>
            Filter.Text(IPAddress, a.IPAddress.ToString()) && Filter.Text(InterfaceAlias, a.InterfaceAlias) && Filter.Value(InterfaceIndex, a.InterfaceIndex)
            && Filter.Value(AddressFamily, a.AddressFamily) && Filter.Value(PrefixLength, a.PrefixLength) && (extra is null || extra(a))).ToList();
        if (addresses.Count == 0 && (Filter.IsExact(IPAddress) || Filter.IsExact(InterfaceAlias) || InterfaceIndex is not null))
            ReportNotFound("MSFT_NetIPAddress", [("IPAddress", IPAddress), ("InterfaceAlias", InterfaceAlias), ("InterfaceIndex", InterfaceIndex)]);
        return addresses;
    }
}
