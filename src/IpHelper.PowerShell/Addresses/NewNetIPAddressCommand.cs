using System.Management.Automation;
using System.Net;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Addresses;

/// <summary>
/// New-NetIPAddress: adds a unicast address (CreateUnicastIpAddressEntry) and writes it; with -DefaultGateway also a
/// default route through that gateway, as on Windows.
/// </summary>
[Cmdlet(VerbsCommon.New, "NetIPAddress", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.ByAlias)]
[OutputType(typeof(NetIPAddress), typeof(NetRoute))]
public sealed class NewNetIPAddressCommand : NetCmdlet
{
    /// <summary>The address.</summary>
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

    /// <summary>The on-link prefix length (Windows' defaults: 8/16/24 by class for IPv4 is not applied; 32 or 128 when left out).</summary>
    [Parameter]
    public byte? PrefixLength { get; set; }

    /// <summary>A gateway: a default route through it is added too.</summary>
    [Parameter]
    public string? DefaultGateway { get; set; }

    /// <summary>Must agree with the address when given.</summary>
    [Parameter]
    public IPAddressFamily? AddressFamily { get; set; }

    /// <summary>Unicast only.</summary>
    [Parameter]
    [ValidateSet("Unicast")]
    public string? Type { get; set; }

    /// <summary>The valid lifetime; infinite by default.</summary>
    [Parameter]
    public TimeSpan? ValidLifetime { get; set; }

    /// <summary>The preferred lifetime; the valid lifetime by default.</summary>
    [Parameter]
    public TimeSpan? PreferredLifetime { get; set; }

    /// <summary>Refused when true: Linux has no skip-as-source flag.</summary>
    [Parameter]
    public bool SkipAsSource { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        if (!System.Net.IPAddress.TryParse(IPAddress, out var address))
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{IPAddress}' is not an IP address.", IPAddress));
            return;
        }

        IPAddress? gateway = null;
        if (DefaultGateway is not null && !System.Net.IPAddress.TryParse(DefaultGateway, out gateway))
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"'{DefaultGateway}' is not an IP address.", DefaultGateway));
            return;
        }

        if (AddressFamily is { } family && family.ToSocketFamily() != address.AddressFamily)
        {
            WriteError(NetErrors.Refused(NetIoStatus.InvalidParameter, $"{IPAddress} is not an {family} address.", IPAddress));
            return;
        }

        if (SkipAsSource)
        {
            WriteError(NetErrors.Refused(NetIoStatus.NotSupported, "Linux has no skip-as-source flag: every usable address may be chosen as a source.", IPAddress));
            return;
        }

        byte length = PrefixLength ?? (byte)(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        if (!ShouldProcess($"{IPAddress}/{length} on {InterfaceAlias ?? InterfaceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "New-NetIPAddress")) return;
        Try(IPAddress, () =>
        {
            var luid = InterfaceArguments.Resolve(InterfaceAlias, InterfaceIndex);
            emit(NetIPAddress.Create(address, length, luid, ValidLifetime, PreferredLifetime));
            if (gateway is not null)
            {
                var any = gateway.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IPNetwork.Parse("0.0.0.0/0") : IPNetwork.Parse("::/0");
                emit(NetRoute.Create(any, luid, gateway));
            }
        });
    }
}
