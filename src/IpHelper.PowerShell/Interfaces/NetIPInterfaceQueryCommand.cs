using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Interfaces;

/// <summary>The query parameters that choose IP interfaces, shared by Get- and Set-NetIPInterface.</summary>
public abstract class NetIPInterfaceQueryCommand : NetCmdlet
{
    /// <summary>Interface aliases (Linux names, wildcards allowed).</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Query)]
    [Alias("ifAlias")]
    public string[]? InterfaceAlias { get; set; }

    /// <summary>Interface indexes.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    [Alias("ifIndex")]
    public uint[]? InterfaceIndex { get; set; }

    /// <summary>IPv4, IPv6 or both.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public IPAddressFamily[]? AddressFamily { get; set; }

    /// <summary>The IP interfaces the query parameters choose; reports a not-found error when an exact query matched nothing.</summary>
    protected IReadOnlyList<NetIPInterface> QueryInterfaces(Func<NetIPInterface, bool>? extra = null)
    {
        var family = AddressFamily is { Length: 1 } one ? one[0] : (IPAddressFamily?)null;
        var interfaces = NetIPInterface.Get(family).Where(i =>
            Filter.Text(InterfaceAlias, i.InterfaceAlias) && Filter.Value(InterfaceIndex, i.InterfaceIndex) && Filter.Value(AddressFamily, i.AddressFamily)
            && (extra is null || extra(i))).ToList();
        if (interfaces.Count == 0 && (Filter.IsExact(InterfaceAlias) || InterfaceIndex is not null))
            ReportNotFound("MSFT_NetIPInterface", [("InterfaceAlias", InterfaceAlias), ("InterfaceIndex", InterfaceIndex)]);
        return interfaces;
    }
}
