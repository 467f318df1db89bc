using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Addresses;

/// <summary>Set-NetIPAddress: changes address lifetimes (SetUnicastIpAddressEntry).</summary>
[Cmdlet(VerbsCommon.Set, "NetIPAddress", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetIPAddress))]
public sealed class SetNetIPAddressCommand : NetIPAddressQueryCommand
{
    /// <summary>Addresses to change (from Get-NetIPAddress).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    public NetIPAddress[]? InputObject { get; set; }

    /// <summary>The new valid lifetime.</summary>
    [Parameter]
    public TimeSpan? ValidLifetime { get; set; }

    /// <summary>The new preferred lifetime.</summary>
    [Parameter]
    public TimeSpan? PreferredLifetime { get; set; }

    /// <summary>Refused when true: Linux has no skip-as-source flag.</summary>
    [Parameter]
    public bool? SkipAsSource { get; set; }

    /// <summary>Writes each address as it is afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        if (SkipAsSource == true)
        {
            WriteError(NetErrors.Refused(NetIoStatus.NotSupported, "Linux has no skip-as-source flag: every usable address may be chosen as a source.", SkipAsSource));
            return;
        }

        foreach (var address in InputObject ?? QueryAddresses())
        {
            if (!ShouldProcess(address.ToString(), "Set-NetIPAddress")) continue;
            Try(address, () =>
            {
                var changed = address.Set(ValidLifetime, PreferredLifetime);
                if (PassThru) emit(changed);
            });
        }
    }
}
