using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Routes;

/// <summary>Get-NetRoute: the routing table (GetIpForwardTable2: the main and local tables of the namespace).</summary>
[Cmdlet(VerbsCommon.Get, "NetRoute", DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetRoute))]
public sealed class GetNetRouteCommand : NetRouteQueryCommand
{
    /// <summary>Route metrics.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public ushort[]? RouteMetric { get; set; }

    /// <summary>Protocols (Local, NetMgmt, Dhcp, Bgp, ...).</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public RouteProtocol[]? Protocol { get; set; }

    /// <summary>Exact valid lifetimes.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public TimeSpan[]? ValidLifetime { get; set; }

    /// <summary>Exact preferred lifetimes.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public TimeSpan[]? PreferredLifetime { get; set; }

    /// <summary>
    /// An IP interface from Get-NetIPInterface (by pipeline): only the objects of that interface and family, as
    /// Windows' -AssociatedIPInterface.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByAssociatedIPInterface")]
    public NetIPInterface? AssociatedIPInterface { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var route in QueryRoutes(r => IsAssociated(r.InterfaceIndex, r.AddressFamily) && Filter.Value(RouteMetric?.Select(static m => (uint)m).ToArray(), r.RouteMetric)
            && Filter.Value(Protocol, r.Protocol) && Filter.Value(ValidLifetime, r.ValidLifetime) && Filter.Value(PreferredLifetime, r.PreferredLifetime)))
            emit(route);
    }

    private bool IsAssociated(uint interfaceIndex, IPAddressFamily family) =>
        AssociatedIPInterface is null || (AssociatedIPInterface.InterfaceIndex == interfaceIndex && AssociatedIPInterface.AddressFamily == family);
}
