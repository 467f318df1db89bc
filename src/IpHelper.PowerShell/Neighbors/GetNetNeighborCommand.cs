using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Neighbors;

/// <summary>Get-NetNeighbor: the neighbour cache (GetIpNetTable2: ARP and ND entries).</summary>
[Cmdlet(VerbsCommon.Get, "NetNeighbor", DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetNeighbor))]
public sealed class GetNetNeighborCommand : NetNeighborQueryCommand
{
    /// <summary>Link-layer addresses (as Windows prints them, 00-15-5D-..., wildcards allowed).</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public string[]? LinkLayerAddress { get; set; }

    /// <summary>NUD states.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public NeighborState[]? State { get; set; }

    /// <summary>
    /// An IP interface from Get-NetIPInterface (by pipeline): only the objects of that interface and family, as
    /// Windows' -AssociatedIPInterface.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByAssociatedIPInterface")]
    public NetIPInterface? AssociatedIPInterface { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var neighbor in QueryNeighbors(n => IsAssociated(n.InterfaceIndex, n.AddressFamily) && Filter.Text(LinkLayerAddress, NetObjectsText.Mac(n.LinkLayerAddress)) && Filter.Value(State, n.State)))
            emit(neighbor);
    }

    private bool IsAssociated(uint interfaceIndex, IPAddressFamily family) =>
        AssociatedIPInterface is null || (AssociatedIPInterface.InterfaceIndex == interfaceIndex && AssociatedIPInterface.AddressFamily == family);
}
