using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Neighbors;

/// <summary>Remove-NetNeighbor: deletes neighbour entries (DeleteIpNetEntry2). Asks first, as on Windows.</summary>
[Cmdlet(VerbsCommon.Remove, "NetNeighbor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetNeighbor))]
public sealed class RemoveNetNeighborCommand : NetNeighborQueryCommand
{
    /// <summary>Entries to delete (from Get-NetNeighbor).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    public NetNeighbor[]? InputObject { get; set; }

    /// <summary>Writes each deleted entry.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var neighbor in InputObject ?? QueryNeighbors())
        {
            if (!ShouldProcess(neighbor.ToString(), "Remove-NetNeighbor")) continue;
            Try(neighbor, () =>
            {
                neighbor.Remove();
                if (PassThru) emit(neighbor);
            });
        }
    }
}
