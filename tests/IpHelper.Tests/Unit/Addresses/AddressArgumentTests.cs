using System.Net;
using System.Net.Sockets;
using Xunit;
using static IpHelper.NetIo;

namespace IpHelper.Tests.Unit.Addresses;

/// <summary>Argument checks that fail before the kernel is asked (conformance items 38 and 40, InitializeUnicastIpAddressEntry).</summary>
public sealed class AddressArgumentTests
{
    private static readonly SockAddrInet s_mapped = SockAddrInet.FromIPAddress(IPAddress.Parse("::ffff:198.51.100.7"));

    [Fact]
    public void InitializeUnicastIpAddressEntry_SetsTheDocumentedDefaults()
    {
        var row = new MibUnicastIpAddressRow { InterfaceIndex = 7, DadState = NlDadState.IpDadStateDuplicate, SkipAsSource = true, CreationTimeStamp = 5 };

        InitializeUnicastIpAddressEntry(out row);

        Assert.Equal(NlPrefixOrigin.IpPrefixOriginUnchanged, row.PrefixOrigin);
        Assert.Equal(NlSuffixOrigin.IpSuffixOriginUnchanged, row.SuffixOrigin);
        Assert.Equal(255, row.OnLinkPrefixLength);
        Assert.Equal(uint.MaxValue, row.ValidLifetime);
        Assert.Equal(uint.MaxValue, row.PreferredLifetime);
        Assert.False(row.SkipAsSource);
        Assert.Equal(default, row.Address);
        Assert.Equal(0u, row.InterfaceIndex);
        Assert.True(row.InterfaceLuid.IsUnspecified);
        Assert.Equal(NlDadState.IpDadStateInvalid, row.DadState);
        Assert.Equal(0u, row.ScopeId.Value);
        Assert.Equal(0, row.CreationTimeStamp);
    }

    [Fact]
    public void CreateSortedAddressPairs_SourceListGiven_IsInvalidParameter()
    {
        Assert.Equal(NetIoStatus.InvalidParameter, CreateSortedAddressPairs([s_mapped], [s_mapped], 0, out var pairs));
        Assert.Null(pairs);
        Assert.Equal("SourceAddressList", LastErrorDetail?.Argument);
    }

    [Fact]
    public void CreateSortedAddressPairs_NoDestinations_IsInvalidParameter()
    {
        Assert.Equal(NetIoStatus.InvalidParameter, CreateSortedAddressPairs([], [], 0, out var pairs));
        Assert.Null(pairs);
    }

    [Fact]
    public void CreateSortedAddressPairs_MoreThan500_IsInvalidParameter()
    {
        var destinations = Enumerable.Repeat(s_mapped, MaxSortedAddressPairDestinations + 1).ToArray();

        Assert.Equal(NetIoStatus.InvalidParameter, CreateSortedAddressPairs([], destinations, 0, out var pairs));
        Assert.Null(pairs);
        Assert.Equal("DestinationAddressCount", LastErrorDetail?.Argument);
    }

    [Theory]
    [InlineData("198.51.100.7")]
    [InlineData(null)]
    public void CreateSortedAddressPairs_DestinationNotAfInet6_IsInvalidParameter(string? address)
    {
        var destination = address is null ? default : SockAddrInet.FromIPAddress(IPAddress.Parse(address));

        Assert.Equal(NetIoStatus.InvalidParameter, CreateSortedAddressPairs([], [s_mapped, destination], 0, out var pairs));
        Assert.Null(pairs);
    }

    [Theory]
    [InlineData((AddressFamily)21)]
    [InlineData((AddressFamily)10)]
    public void GetTables_FamilyNotUnspecInetInet6_IsInvalidParameter(AddressFamily family)
    {
        Assert.Equal(NetIoStatus.InvalidParameter, GetUnicastIpAddressTable(family, out var unicast));
        Assert.Null(unicast);
        Assert.Equal(NetIoStatus.InvalidParameter, GetAnycastIpAddressTable(family, out var anycast));
        Assert.Null(anycast);
        Assert.Equal(NetIoStatus.InvalidParameter, GetMulticastIpAddressTable(family, out var multicast));
        Assert.Null(multicast);
        Assert.Equal("Family", LastErrorDetail?.Argument);
    }
}
