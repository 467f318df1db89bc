using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Neighbors;

/// <summary>New-NetNeighbor: adds a permanent neighbour entry (CreateIpNetEntry2) and writes it.</summary>
[Cmdlet(VerbsCommon.New, "NetNeighbor", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.ByAlias)]
[OutputType(typeof(NetNeighbor))]
public sealed class NewNetNeighborCommand : NetCmdlet
{
    /// <summary>The neighbour's address.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string IPAddress { get; set; } = "";

    /// <summary>The interface alias (Linux name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ByAlias)]
    [Alias("ifAlias")]
    public string? InterfaceAlias { get; set; }

    /// <summary>The interface index.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ByIndex)]
    [Alias("ifIndex")]
    public uint InterfaceIndex { get; set; }

    /// <summary>The link-layer address.</summary>
    [Parameter(Mandatory = true)]
    public string LinkLayerAddress { get; set; } = "";

    /// <summary>Must agree with the address when given.</summary>
    [Parameter]
    public IPAddressFamily? AddressFamily { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        if (!System.Net.IPAddress.TryParse(IPAddress, out var address) || (AddressFamily is { } f && f.ToSocketFamily() != address.AddressFamily))
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{IPAddress}' is not an {AddressFamily?.ToString() ?? "IP"} address.", IPAddress));
            return;
        }

        if (!System.Net.NetworkInformation.PhysicalAddress.TryParse(LinkLayerAddress, out var mac) || mac.GetAddressBytes().Length == 0)
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{LinkLayerAddress}' is not a link-layer address (e.g. 02-00-5E-10-00-01).", LinkLayerAddress));
            return;
        }

        if (!ShouldProcess($"{IPAddress} -> {LinkLayerAddress}", "New-NetNeighbor")) return;
        Try(IPAddress, () => emit(NetNeighbor.Create(address, mac, InterfaceArguments.Resolve(InterfaceAlias, InterfaceIndex))));
    }
}
