using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Routes;

/// <summary>Remove-NetRoute: deletes routes (DeleteIpForwardEntry2), chosen by query or piped from Get-NetRoute. Asks first, as on Windows.</summary>
[Cmdlet(VerbsCommon.Remove, "NetRoute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetRoute))]
public sealed class RemoveNetRouteCommand : NetRouteQueryCommand
{
    /// <summary>Routes to delete (from Get-NetRoute).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    public NetRoute[]? InputObject { get; set; }

    /// <summary>Writes each deleted route.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var route in InputObject ?? QueryRoutes())
        {
            if (!ShouldProcess(route.ToString(), "Remove-NetRoute")) continue;
            Try(route, () =>
            {
                route.Remove();
                if (PassThru) emit(route);
            });
        }
    }
}
