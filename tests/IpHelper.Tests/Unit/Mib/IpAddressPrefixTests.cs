using System.Net;
using System.Net.Sockets;
using IpHelper;
using Xunit;

namespace IpHelper.Tests.Unit.Mib;

public sealed class IpAddressPrefixTests
{
    private static IpAddressPrefix Parse(string text)
    {
        Assert.True(IpAddressPrefix.TryParse(text, out var prefix), text);
        return prefix;
    }

    [Fact]
    public void TryParse_KeepsHostBits_ToIPNetworkDropsThem()
    {
        var prefix = Parse("192.0.2.77/24");
        Assert.Equal("192.0.2.77", prefix.Prefix.ToString());
        Assert.Equal(24, prefix.PrefixLength);
        Assert.True(prefix.HasHostBits);
        Assert.Equal("192.0.2.77/24", prefix.ToString());
        Assert.Equal(IPNetwork.Parse("192.0.2.0/24"), prefix.ToIPNetwork());
    }

    [Fact]
    public void TryParse_ScopedIpv6_KeepsScope_InTextAndField()
    {
        var prefix = Parse("fe80::1%3/64");
        Assert.Equal(3u, prefix.Prefix.ScopeId);
        Assert.Equal("fe80::1%3/64", prefix.ToString());
        Assert.Equal("fe80::%3/64", Parse("fe80::%3/64").ToString());
        var network = prefix.ToIPNetwork();
        Assert.Equal(IPNetwork.Parse("fe80::/64"), network);
        Assert.Equal(0, network.BaseAddress.ScopeId);
    }

    [Fact]
    public void FromIPNetwork_RoundTrips()
    {
        foreach (var text in new[] { "2001:db8::/32", "0.0.0.0/0", "10.0.0.0/8", "::/0", "192.0.2.1/32", "2001:db8::1/128" })
        {
            var network = IPNetwork.Parse(text);
            var prefix = IpAddressPrefix.FromIPNetwork(network);
            Assert.False(prefix.HasHostBits);
            Assert.Equal(network, prefix.ToIPNetwork());
            Assert.Equal(text, prefix.ToString());
        }
    }

    [Theory]
    [InlineData("0.0.0.0/0", false)]
    [InlineData("1.0.0.0/0", true)]
    [InlineData("192.0.2.128/25", false)]
    [InlineData("192.0.2.129/25", true)]
    [InlineData("2001:db8:0:1::/63", true)]
    [InlineData("2001:db8:0:2::/63", false)]
    [InlineData("255.255.255.255/32", false)]
    [InlineData("2001:db8::/32", false)]
    [InlineData("2001:db8::1/64", true)]
    [InlineData("2001:db8:8000::/33", false)]
    [InlineData("2001:db8:4000::/33", true)]
    [InlineData("::1/128", false)]
    public void HasHostBits_LooksOnlyBeyondPrefixLength(string text, bool expected)
    {
        Assert.Equal(expected, Parse(text).HasHostBits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("192.0.2.0")]
    [InlineData("192.0.2.0/")]
    [InlineData("/24")]
    [InlineData("192.0.2.0/33")]
    [InlineData("::/129")]
    [InlineData("192.0.2.0/024")]
    [InlineData("192.0.2.0/-1")]
    [InlineData("192.0.2.0/+8")]
    [InlineData("192.0.2.0/ 8")]
    [InlineData("192.0.2.0/8/8")]
    [InlineData("host/8")]
    [InlineData("fe80::1%eth0/64")]
    [InlineData("fe80::1/64%3")]
    public void TryParse_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(IpAddressPrefix.TryParse(text, out var prefix));
        Assert.Equal(default, prefix);
    }

    [Fact]
    public void Default_PrintsFamilyLessForm_AndHasNoIPNetwork()
    {
        Assert.Equal("/0", default(IpAddressPrefix).ToString());
        Assert.Equal(AddressFamily.Unspecified, default(IpAddressPrefix).Prefix.Family);
        Assert.Throws<InvalidOperationException>(() => default(IpAddressPrefix).ToIPNetwork());
    }

    [Fact]
    public void ToIPNetwork_LengthTooLongForFamily_Throws()
    {
        var prefix = new IpAddressPrefix(SockAddrInet.FromBytes([10, 0, 0, 0]), 40);
        Assert.Throws<InvalidOperationException>(() => prefix.ToIPNetwork());
    }

    [Fact]
    public void Equality_ComparesAddressAndLength()
    {
        Assert.Equal(Parse("10.0.0.0/8"), Parse("10.0.0.0/8"));
        Assert.True(Parse("10.0.0.0/8") == Parse("10.0.0.0/8"));
        Assert.True(Parse("10.0.0.0/8") != Parse("10.0.0.0/9"));
        Assert.NotEqual(Parse("10.0.0.0/8"), Parse("10.0.0.1/8"));
        Assert.NotEqual(Parse("fe80::/64"), Parse("fe80::%1/64"));
        Assert.Equal(Parse("10.0.0.0/8").GetHashCode(), Parse("10.0.0.0/8").GetHashCode());
    }
}
