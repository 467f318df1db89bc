using System.Management.Automation;
using System.Net;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Routes;

/// <summary>
/// Find-NetRoute: the source address and the route the kernel would use for a remote address (GetBestRoute2),
/// written as Windows does: the NetIPAddress first, then the NetRoute.
/// </summary>
[Cmdlet(VerbsCommon.Find, "NetRoute", DefaultParameterSetName = "ByRemoteIPAddress")]
[OutputType(typeof(NetIPAddress), typeof(NetRoute))]
public sealed class FindNetRouteCommand : NetCmdlet
{
    /// <summary>The destination.</summary>
    [Parameter(Mandatory = true)]
    public string RemoteIPAddress { get; set; } = "";

    /// <summary>Restricts the lookup to this interface.</summary>
    [Parameter]
    [Alias("ifAlias")]
    public string? InterfaceAlias { get; set; }

    /// <summary>Restricts the lookup to this interface.</summary>
    [Parameter]
    [Alias("ifIndex")]
    public uint? InterfaceIndex { get; set; }

    /// <summary>The local address to send from.</summary>
    [Parameter]
    public string? LocalIPAddress { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        if (!IPAddress.TryParse(RemoteIPAddress, out var remote))
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{RemoteIPAddress}' is not an IP address.", RemoteIPAddress));
            return;
        }

        IPAddress? local = null;
        if (LocalIPAddress is not null && !IPAddress.TryParse(LocalIPAddress, out local))
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{LocalIPAddress}' is not an IP address.", LocalIPAddress));
            return;
        }

        Try(RemoteIPAddress, () =>
        {
            NetLuid? luid = InterfaceAlias is not null || InterfaceIndex is not null ? InterfaceArguments.Resolve(InterfaceAlias, InterfaceIndex ?? 0) : null;
            var lookup = NetRoute.Find(remote, local, luid);
            emit(lookup.SourceAddress);
            emit(lookup.Route);
        });
    }
}
