using System.Management.Automation;
using IpHelper.Objects;

namespace IpHelper.PowerShell.Addresses;

/// <summary>Get-NetIPAddress: the unicast addresses (GetUnicastIpAddressTable).</summary>
[Cmdlet(VerbsCommon.Get, "NetIPAddress", DefaultParameterSetName = ParameterSets.Query)]
[OutputType(typeof(NetIPAddress))]
public sealed class GetNetIPAddressCommand : NetIPAddressQueryCommand
{
    /// <summary>Unicast only on Linux (anycast addresses are not listed).</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    [ValidateSet("Unicast", "Anycast")]
    public string[]? Type { get; set; }

    /// <summary>Prefix origins.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public AddressPrefixOrigin[]? PrefixOrigin { get; set; }

    /// <summary>Suffix origins.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public AddressSuffixOrigin[]? SuffixOrigin { get; set; }

    /// <summary>DAD states.</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public AddressState[]? AddressState { get; set; }

    /// <summary>SkipAsSource values (always false on Linux).</summary>
    [Parameter(ParameterSetName = ParameterSets.Query)]
    public bool[]? SkipAsSource { get; set; }

    /// <summary>
    /// An IP interface from Get-NetIPInterface (by pipeline): only the objects of that interface and family, as
    /// Windows' -AssociatedIPInterface.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByAssociatedIPInterface")]
    public NetIPInterface? AssociatedIPInterface { get; set; }

    /// <inheritdoc />
    protected override void Process(Action<object> emit)
    {
        foreach (var address in QueryAddresses(a => IsAssociated(a.InterfaceIndex, a.AddressFamily) && Filter.Text(Type, a.Type) && Filter.Value(PrefixOrigin, a.PrefixOrigin)
            && Filter.Value(SuffixOrigin, a.SuffixOrigin) && Filter.Value(AddressState, a.AddressState) && Filter.Value(SkipAsSource, a.SkipAsSource)))
            emit(address);
    }

    private bool IsAssociated(uint interfaceIndex, IPAddressFamily family) =>
        AssociatedIPInterface is null || (AssociatedIPInterface.InterfaceIndex == interfaceIndex && AssociatedIPInterface.AddressFamily == family);
}
