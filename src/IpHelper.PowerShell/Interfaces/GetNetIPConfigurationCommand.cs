using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Interfaces;

/// <summary>
/// Get-NetIPConfiguration: addresses and default gateways per adapter. Without -All only adapters that are up, as on
/// Windows; DNS servers are not part of it (the kernel has none).
/// </summary>
[Cmdlet(VerbsCommon.Get, "NetIPConfiguration", DefaultParameterSetName = "Alias")]
[OutputType(typeof(NetIPConfiguration))]
public sealed class GetNetIPConfigurationCommand : NetCmdlet
{
    /// <summary>An interface alias (wildcards allowed).</summary>
    [Parameter(Position = 0, ParameterSetName = "Alias")]
    [Alias("ifAlias")]
    public string? InterfaceAlias { get; set; }

    /// <summary>An interface index.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Index")]
    [Alias("ifIndex")]
    public uint? InterfaceIndex { get; set; }

    /// <summary>Also adapters that are not up.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>Accepted: the detailed view is Format-List *.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        string[]? alias = InterfaceAlias is null ? null : [InterfaceAlias];
        uint[]? index = InterfaceIndex is { } i ? [i] : null;
        var configurations = NetIPConfiguration.Get(includeHidden: Filter.IsExact(alias) || index is not null).Where(c =>
            Filter.Text(alias, c.InterfaceAlias) && Filter.Value(index, c.InterfaceIndex) && (All || alias is not null || index is not null || c.NetAdapter.Status == "Up")).ToList();
        if (configurations.Count == 0 && (Filter.IsExact(alias) || index is not null))
            ReportNotFound("MSFT_NetIPConfiguration", [("InterfaceAlias", alias), ("InterfaceIndex", index)]);
        foreach (var configuration in configurations) emit(configuration);
    }
}
