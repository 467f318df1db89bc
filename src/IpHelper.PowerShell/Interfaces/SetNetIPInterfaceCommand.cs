using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Interfaces;

/// <summary>
/// Set-NetIPInterface: changes IP interface settings (SetIpInterfaceEntry: sysctls, the device MTU, the metric IpHelper
/// keeps). Values Linux cannot apply are refused with NotImplemented (status NotSupported) and change nothing.
/// </summary>
[Cmdlet(VerbsCommon.Set, "NetIPInterface", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetIPInterface))]
public sealed class SetNetIPInterfaceCommand : NetIPInterfaceQueryCommand
{
    /// <summary>IP interfaces to change (from Get-NetIPInterface).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    public NetIPInterface[]? InputObject { get; set; }

    /// <summary>Forwarding of packets received on the interface.</summary>
    [Parameter]
    public FeatureState? Forwarding { get; set; }

    /// <summary>The IP MTU in bytes.</summary>
    [Parameter]
    public uint? NlMtuBytes { get; set; }

    /// <summary>The interface metric (turns the automatic metric off).</summary>
    [Parameter]
    public uint? InterfaceMetric { get; set; }

    /// <summary>Enabled gives the interface its automatic metric (0 on Linux) back.</summary>
    [Parameter]
    public FeatureState? AutomaticMetric { get; set; }

    /// <summary>IPv6 DAD transmissions.</summary>
    [Parameter]
    public uint? DadTransmits { get; set; }

    /// <summary>The base reachable time in milliseconds.</summary>
    [Parameter]
    public uint? BaseReachableTimeMs { get; set; }

    /// <summary>The retransmission time in milliseconds.</summary>
    [Parameter]
    public uint? RetransmitTimeMs { get; set; }

    /// <summary>Whether IPv6 router advertisements are acted on.</summary>
    [Parameter]
    public RouterDiscovery? RouterDiscovery { get; set; }

    /// <summary>Whether default routes from router advertisements are ignored.</summary>
    [Parameter]
    public FeatureState? IgnoreDefaultRoutes { get; set; }

    /// <summary>Refused when Enabled: the Linux kernel has no DHCP client.</summary>
    [Parameter]
    public FeatureState? Dhcp { get; set; }

    /// <summary>Writes each IP interface as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        if (Dhcp == FeatureState.Enabled)
        {
            WriteError(NetErrors.Refused(NetIoStatus.NotSupported, "The Linux kernel has no DHCP client: run one (systemd-networkd, dhclient, NetworkManager) for the interface.", Dhcp));
            return;
        }

        foreach (var ipInterface in InputObject ?? QueryInterfaces())
        {
            if (!ShouldProcess(ipInterface.ToString(), "Set-NetIPInterface")) continue;
            Try(ipInterface, () =>
            {
                var changed = ipInterface.Set(Forwarding, NlMtuBytes, InterfaceMetric, AutomaticMetric, DadTransmits,
                    BaseReachableTimeMs is { } b ? TimeSpan.FromMilliseconds(b) : null, RetransmitTimeMs is { } r ? TimeSpan.FromMilliseconds(r) : null,
                    RouterDiscovery, IgnoreDefaultRoutes);
                if (PassThru) emit(changed);
            });
        }
    }
}
