using System.Management.Automation;
using System.Net;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Routes;

/// <summary>New-NetRoute: creates a route (CreateIpForwardEntry2) and writes it.</summary>
[Cmdlet(VerbsCommon.New, "NetRoute", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.ByAlias)]
[OutputType(typeof(NetRoute))]
public sealed class NewNetRouteCommand : NetCmdlet
{
    /// <summary>The destination prefix, e.g. 203.0.113.0/24.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string DestinationPrefix { get; set; } = "";

    /// <summary>The interface alias (Linux name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ByAlias)]
    [Alias("ifAlias")]
    public string? InterfaceAlias { get; set; }

    /// <summary>The interface index.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ByIndex)]
    [Alias("ifIndex")]
    public uint InterfaceIndex { get; set; }

    /// <summary>The next hop; on-link when left out.</summary>
    [Parameter]
    public string? NextHop { get; set; }

    /// <summary>The route metric (the interface metric is added, as on Windows).</summary>
    [Parameter]
    public ushort? RouteMetric { get; set; }

    /// <summary>The protocol recorded with the route (rtm_protocol); NetMgmt by default.</summary>
    [Parameter]
    public RouteProtocol? Protocol { get; set; }

    /// <summary>The valid lifetime (IPv6; IPv4 routes cannot expire on Linux).</summary>
    [Parameter]
    public TimeSpan? ValidLifetime { get; set; }

    /// <summary>The preferred lifetime.</summary>
    [Parameter]
    public TimeSpan? PreferredLifetime { get; set; }

    /// <summary>Must agree with the prefix when given.</summary>
    [Parameter]
    public IPAddressFamily? AddressFamily { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        // IpAddressPrefix keeps host bits, which IPNetwork would drop silently: a prefix with host bits is refused, as on Windows.
        if (!IpAddressPrefix.TryParse(DestinationPrefix, out var parsed) || parsed.HasHostBits)
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{DestinationPrefix}' is not a prefix (ADDRESS/LENGTH without host bits, e.g. 203.0.113.0/24).", DestinationPrefix));
            return;
        }

        var prefix = parsed.ToIPNetwork();

        IPAddress? hop = null;
        if (NextHop is not null && !IPAddress.TryParse(NextHop, out hop))
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{NextHop}' is not an IP address.", NextHop));
            return;
        }

        if (AddressFamily is { } family && family.ToSocketFamily() != prefix.BaseAddress.AddressFamily)
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"{DestinationPrefix} is not an {family} prefix.", DestinationPrefix));
            return;
        }

        if (!ShouldProcess($"{DestinationPrefix} via {NextHop ?? "on-link"} on {InterfaceAlias ?? InterfaceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "New-NetRoute")) return;
        Try(DestinationPrefix, () => emit(NetRoute.Create(prefix, InterfaceArguments.Resolve(InterfaceAlias, InterfaceIndex), hop, RouteMetric,
            Protocol, ValidLifetime, PreferredLifetime)));
    }
}
