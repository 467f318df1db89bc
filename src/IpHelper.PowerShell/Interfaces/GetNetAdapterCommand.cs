using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Interfaces;

/// <summary>Get-NetAdapter: the network adapters (GetIfTable2); loopback only with -IncludeHidden, as on Windows.</summary>
[Cmdlet(VerbsCommon.Get, "NetAdapter", DefaultParameterSetName = "ByName")]
[OutputType(typeof(NetAdapter))]
public sealed class GetNetAdapterCommand : NetCmdlet
{
    /// <summary>Adapter names (Linux interface names, wildcards allowed).</summary>
    [Parameter(Position = 0, ParameterSetName = "ByName")]
    [Alias("ifAlias", "InterfaceAlias")]
    public string[]? Name { get; set; }

    /// <summary>Interface descriptions (wildcards allowed).</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByInstanceID")]
    [Alias("ifDesc")]
    public string[]? InterfaceDescription { get; set; }

    /// <summary>Interface indexes.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByIfIndex")]
    [Alias("ifIndex")]
    public uint[]? InterfaceIndex { get; set; }

    /// <summary>Also the hidden adapters (loopback).</summary>
    [Parameter]
    public SwitchParameter IncludeHidden { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        var adapters = NetAdapter.Get(IncludeHidden || Filter.IsExact(Name) || InterfaceIndex is not null).Where(a =>
            Filter.Text(Name, a.Name) && Filter.Text(InterfaceDescription, a.InterfaceDescription) && Filter.Value(InterfaceIndex, a.InterfaceIndex)).ToList();
        if (adapters.Count == 0 && (Filter.IsExact(Name) || Filter.IsExact(InterfaceDescription) || InterfaceIndex is not null))
            ReportNotFound("MSFT_NetAdapter", [("Name", Name), ("InterfaceDescription", InterfaceDescription), ("InterfaceIndex", InterfaceIndex)]);
        foreach (var adapter in adapters) emit(adapter);
    }
}
