using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Routes;

/// <summary>Set-NetRoute: changes the metric or lifetimes of routes (SetIpForwardEntry2).</summary>
[Cmdlet(VerbsCommon.Set, "NetRoute", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetRoute))]
public sealed class SetNetRouteCommand : NetRouteQueryCommand
{
    /// <summary>Routes to change (from Get-NetRoute).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    public NetRoute[]? InputObject { get; set; }

    /// <summary>The new route metric.</summary>
    [Parameter]
    public ushort? RouteMetric { get; set; }

    /// <summary>The new valid lifetime (IPv6 routes; IPv4 routes cannot expire on Linux).</summary>
    [Parameter]
    public TimeSpan? ValidLifetime { get; set; }

    /// <summary>The new preferred lifetime.</summary>
    [Parameter]
    public TimeSpan? PreferredLifetime { get; set; }

    /// <summary>Writes each route as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var route in InputObject ?? QueryRoutes())
        {
            if (!ShouldProcess(route.ToString(), "Set-NetRoute")) continue;
            Try(route, () =>
            {
                var changed = route.Set(RouteMetric, null, ValidLifetime, PreferredLifetime);
                if (PassThru) emit(changed);
            });
        }
    }
}
