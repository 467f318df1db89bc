using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Neighbors;

/// <summary>Set-NetNeighbor: changes the link-layer address of entries (SetIpNetEntry2), which become permanent.</summary>
[Cmdlet(VerbsCommon.Set, "NetNeighbor", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetNeighbor))]
public sealed class SetNetNeighborCommand : NetNeighborQueryCommand
{
    /// <summary>Entries to change (from Get-NetNeighbor).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    public NetNeighbor[]? InputObject { get; set; }

    /// <summary>The new link-layer address.</summary>
    [Parameter(Mandatory = true)]
    public string LinkLayerAddress { get; set; } = "";

    /// <summary>Writes each entry as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        if (ParseLinkLayerAddress(LinkLayerAddress) is not { } mac) return;
        foreach (var neighbor in InputObject ?? QueryNeighbors())
        {
            if (!ShouldProcess(neighbor.ToString(), "Set-NetNeighbor")) continue;
            Try(neighbor, () =>
            {
                var changed = neighbor.Set(mac);
                if (PassThru) emit(changed);
            });
        }
    }
}
