using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Addresses;

/// <summary>Remove-NetIPAddress: deletes addresses (DeleteUnicastIpAddressEntry). Asks first, as on Windows.</summary>
[Cmdlet(VerbsCommon.Remove, "NetIPAddress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetIPAddress))]
public sealed class RemoveNetIPAddressCommand : NetIPAddressQueryCommand
{
    /// <summary>Addresses to delete (from Get-NetIPAddress).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    public NetIPAddress[]? InputObject { get; set; }

    /// <summary>Writes each deleted address.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var address in InputObject ?? QueryAddresses())
        {
            if (!ShouldProcess(address.ToString(), "Remove-NetIPAddress")) continue;
            Try(address, () =>
            {
                address.Remove();
                if (PassThru) emit(address);
            });
        }
    }
}
