using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Interfaces;

/// <summary>Get-NetIPInterface: the IPv4 and IPv6 settings of interfaces (GetIpInterfaceTable).</summary>
[Cmdlet(VerbsCommon.Get, "NetIPInterface", DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetIPInterface))]
public sealed class GetNetIPInterfaceCommand : NetIPInterfaceQueryCommand
{
    /// <summary>Forwarding states.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public FeatureState[]? Forwarding { get; set; }

    /// <summary>Connection states.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public ConnectionState[]? ConnectionState { get; set; }

    /// <summary>Interface metrics.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public uint[]? InterfaceMetric { get; set; }

    /// <summary>IP MTUs in bytes.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public uint[]? NlMtuBytes { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var ipInterface in QueryInterfaces(i => Filter.Value(Forwarding, i.Forwarding) && Filter.Value(ConnectionState, i.ConnectionState)
            && Filter.Value(InterfaceMetric, i.InterfaceMetric) && Filter.Value(NlMtuBytes, i.NlMtu)))
            emit(ipInterface);
    }
}
