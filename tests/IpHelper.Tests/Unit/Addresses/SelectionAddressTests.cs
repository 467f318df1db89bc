using IpHelper.AddressSelection;
using Xunit;
using static IpHelper.Tests.Unit.Addresses.Rfc6724Fixtures;

namespace IpHelper.Tests.Unit.Addresses;

public sealed class SelectionAddressTests
{
    [Theory]
    [InlineData("ff01::1", 1)]
    [InlineData("ff02::1", 2)]
    [InlineData("ff05::2", 5)]
    [InlineData("ff0e::1", 14)]
    [InlineData("fe80::1", 2)]
    [InlineData("::1", 2)]
    [InlineData("fec0::1", 5)]
    [InlineData("fd00::1", 14)]
    [InlineData("2001:db8::1", 14)]
    [InlineData("169.254.1.1", 2)]
    [InlineData("127.0.0.1", 2)]
    [InlineData("192.0.2.1", 14)]
    [InlineData("::ffff:10.0.0.1", 14)]
    public void Scope_OfAnAddress_IsTheRfc6724Scope(string address, int scope)
    {
        Assert.Equal(scope, SelectionAddress.Scope(A(address)));
    }

    [Theory]
    [InlineData("::1", 50, 0)]
    [InlineData("2001:db8::1", 40, 1)]
    [InlineData("192.0.2.1", 35, 4)]
    [InlineData("2002:c000:201::1", 30, 2)]
    [InlineData("2001:0:4136:e378::1", 5, 5)]
    [InlineData("fd00::1", 3, 13)]
    [InlineData("::192.0.2.1", 1, 3)]
    [InlineData("fec0::1", 1, 11)]
    [InlineData("3ffe::1", 1, 12)]
    public void PolicyTable_EveryDefaultRow_GivesPrecedenceAndLabel(string address, int precedence, int label)
    {
        Assert.Equal((precedence, label), PolicyTable.Lookup(A(address)));
    }

    [Theory]
    [InlineData("fe80::1", 64, "fe80::2", 64)]
    [InlineData("2001:db8:1::1", 64, "2001:db8:1::ffff", 64)]
    [InlineData("2001:db8:1::1", 128, "2001:db8:1::1", 128)]
    [InlineData("2001:db8:1::1", 64, "2001:db8:2::1", 46)]
    [InlineData("198.51.100.1", 120, "198.51.100.200", 120)]
    [InlineData("198.51.100.1", 120, "198.51.101.1", 119)]
    public void CommonPrefixLength_StopsAtTheSourcePrefix(string source, int sourcePrefix, string destination, int expected)
    {
        Assert.Equal(expected, SelectionAddress.CommonPrefixLength(A(source), sourcePrefix, A(destination)));
    }

    [Fact]
    public void From_Ipv4_IsIpv4Mapped()
    {
        Assert.True(SelectionAddress.IsIpv4Mapped(A("192.0.2.1")));
        Assert.Equal(A("::ffff:192.0.2.1"), A("192.0.2.1"));
        Assert.False(SelectionAddress.IsIpv4Mapped(A("::192.0.2.1")));
    }
}
