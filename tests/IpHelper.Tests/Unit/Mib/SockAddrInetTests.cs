using System.Net;
using System.Net.Sockets;
using IpHelper;
using Xunit;

namespace IpHelper.Tests.Unit.Mib;

public sealed class SockAddrInetTests
{
    private static IPAddress Scoped(string text, long scopeId)
    {
        var address = IPAddress.Parse(text);
        address.ScopeId = scopeId;
        return address;
    }

    [Fact]
    public void FromIPAddress_Ipv4_RoundTrips()
    {
        var address = SockAddrInet.FromIPAddress(IPAddress.Parse("192.0.2.1"));
        Assert.Equal(AddressFamily.InterNetwork, address.Family);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), address.ToIPAddress());
        Assert.Equal("192.0.2.1", address.ToString());
        Assert.Equal(0, address.Port);
        Assert.Equal(0u, address.ScopeId);
    }

    [Fact]
    public void FromIPAddress_Ipv6_KeepsScopeId()
    {
        var address = SockAddrInet.FromIPAddress(Scoped("fe80::1", 3));
        Assert.Equal(AddressFamily.InterNetworkV6, address.Family);
        Assert.Equal(3u, address.ScopeId);
        Assert.Equal(3, address.ToIPAddress()!.ScopeId);
        Assert.Equal("fe80::1%3", address.ToString());
    }

    [Fact]
    public void FromIPAddress_Ipv4MappedIpv6_StaysIpv6()
    {
        var address = SockAddrInet.FromIPAddress(IPAddress.Parse("::ffff:192.0.2.1"));
        Assert.Equal(AddressFamily.InterNetworkV6, address.Family);
        Assert.Equal(IPAddress.Parse("::ffff:192.0.2.1"), address.ToIPAddress());
        Assert.Equal("::ffff:192.0.2.1", address.ToString());
    }

    [Fact]
    public void FromIPEndPoint_KeepsPort_ToIPEndPointRoundTrips()
    {
        var endPoint = new IPEndPoint(Scoped("fe80::abcd", 7), 65535);
        var address = SockAddrInet.FromIPEndPoint(endPoint);
        Assert.Equal(65535, address.Port);
        Assert.Equal(endPoint, address.ToIPEndPoint());
        Assert.Equal(7, address.ToIPEndPoint()!.Address.ScopeId);
        var v4 = new IPEndPoint(IPAddress.Loopback, 80);
        Assert.Equal(v4, SockAddrInet.FromIPEndPoint(v4).ToIPEndPoint());
    }

    [Fact]
    public void FromBytes_AcceptsFourOrSixteenBytes()
    {
        Assert.Equal("10.1.2.3", SockAddrInet.FromBytes([10, 1, 2, 3]).ToString());
        var v6 = SockAddrInet.FromBytes(IPAddress.Parse("2001:db8::1").GetAddressBytes(), 9);
        Assert.Equal("2001:db8::1%9", v6.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(17)]
    public void FromBytes_OtherLengths_Throw(int length)
    {
        Assert.Throws<ArgumentException>(() => SockAddrInet.FromBytes(new byte[length]));
    }

    [Fact]
    public void FromBytes_Ipv4WithScopeId_Throws()
    {
        Assert.Throws<ArgumentException>(() => SockAddrInet.FromBytes([10, 0, 0, 1], 1));
    }

    [Fact]
    public void FromIPAddressAndFromIPEndPoint_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SockAddrInet.FromIPAddress(null!));
        Assert.Throws<ArgumentNullException>(() => SockAddrInet.FromIPEndPoint(null!));
    }

    [Fact]
    public void Default_IsUnspecifiedFamily_WithNoTextAndNoIPAddress()
    {
        var address = default(SockAddrInet);
        Assert.Equal(AddressFamily.Unspecified, address.Family);
        Assert.True(address.IsUnspecified);
        Assert.Null(address.ToIPAddress());
        Assert.Null(address.ToIPEndPoint());
        Assert.Equal(string.Empty, address.ToString());
        Assert.Equal(0, address.WriteAddressBytes(new byte[16]));
    }

    [Fact]
    public void WriteAddressBytes_ReturnsFamilyLength_AndRejectsShortDestination()
    {
        Span<byte> buffer = stackalloc byte[16];
        Assert.Equal(4, SockAddrInet.FromIPAddress(IPAddress.Parse("198.51.100.7")).WriteAddressBytes(buffer));
        Assert.Equal([198, 51, 100, 7], buffer[..4].ToArray());
        var v6 = SockAddrInet.FromIPAddress(IPAddress.Parse("2001:db8::5"));
        Assert.Equal(16, v6.WriteAddressBytes(buffer));
        Assert.Equal(IPAddress.Parse("2001:db8::5").GetAddressBytes(), buffer.ToArray());
        Assert.Throws<ArgumentException>(() => v6.WriteAddressBytes(new byte[4]));
    }

    [Theory]
    [InlineData("0.0.0.0", true, false, false)]
    [InlineData("::", true, false, false)]
    [InlineData("127.0.0.1", false, true, false)]
    [InlineData("127.255.0.9", false, true, false)]
    [InlineData("::1", false, true, false)]
    [InlineData("fe80::1", false, false, true)]
    [InlineData("febf::1", false, false, true)]
    [InlineData("fec0::1", false, false, false)]
    [InlineData("192.0.2.1", false, false, false)]
    public void Classification_MatchesAddress(string text, bool unspecified, bool loopback, bool linkLocal)
    {
        Assert.True(SockAddrInet.TryParse(text, out var address));
        Assert.Equal(unspecified, address.IsUnspecified);
        Assert.Equal(loopback, address.IsLoopback);
        Assert.Equal(linkLocal, address.IsIPv6LinkLocal);
    }

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1", 0u)]
    [InlineData("0.0.0.0", "0.0.0.0", 0u)]
    [InlineData("255.255.255.255", "255.255.255.255", 0u)]
    [InlineData("::1", "::1", 0u)]
    [InlineData("2001:0db8:0:0:0:0:0:1", "2001:db8::1", 0u)]
    [InlineData("FE80::1%3", "fe80::1%3", 3u)]
    [InlineData("fe80::1%0", "fe80::1", 0u)]
    [InlineData("fe80::1%4294967295", "fe80::1%4294967295", uint.MaxValue)]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1", 0u)]
    public void TryParse_Valid_GivesCanonicalText(string text, string expected, uint scopeId)
    {
        Assert.True(SockAddrInet.TryParse(text, out var address));
        Assert.Equal(expected, address.ToString());
        Assert.Equal(scopeId, address.ScopeId);
        Assert.Equal(0, address.Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" 192.0.2.1")]
    [InlineData("192.0.2.1 ")]
    [InlineData("192.0.2")]
    [InlineData("192.0.2.1.5")]
    [InlineData("256.0.0.1")]
    [InlineData("01.2.3.4")]
    [InlineData("1..3.4")]
    [InlineData("0x1.2.3.4")]
    [InlineData("+1.2.3.4")]
    [InlineData("1")]
    [InlineData("192.0.2.1%1")]
    [InlineData("192.0.2.1/24")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%")]
    [InlineData("fe80::1%-1")]
    [InlineData("fe80::1%4294967296")]
    [InlineData("fe80::1%1%2")]
    [InlineData("[::1]")]
    [InlineData("[::1]:80")]
    [InlineData("::1/64")]
    [InlineData("::g")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData(":::")]
    public void TryParse_Invalid_ReturnsFalseAndDefault(string? text)
    {
        Assert.False(SockAddrInet.TryParse(text, out var address));
        Assert.Equal(default, address);
    }

    [Fact]
    public void Equality_ComparesAllBytes_AddressEqualsIgnoresPort()
    {
        var a = SockAddrInet.FromIPEndPoint(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 1));
        var b = SockAddrInet.FromIPEndPoint(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 2));
        Assert.NotEqual(a, b);
        Assert.True(a != b);
        Assert.True(a.AddressEquals(b));
        Assert.Equal(SockAddrInet.FromIPAddress(IPAddress.Parse("192.0.2.1")), SockAddrInet.FromBytes([192, 0, 2, 1]));
        Assert.True(SockAddrInet.FromIPAddress(IPAddress.Parse("192.0.2.1")) == SockAddrInet.FromBytes([192, 0, 2, 1]));
        Assert.Equal(
            SockAddrInet.FromIPAddress(IPAddress.Parse("192.0.2.1")).GetHashCode(),
            SockAddrInet.FromBytes([192, 0, 2, 1]).GetHashCode());
        Assert.True(default(SockAddrInet).AddressEquals(default));
    }

    [Fact]
    public void AddressEquals_Ipv6_ComparesScopeId_AndFamily()
    {
        Assert.True(SockAddrInet.TryParse("fe80::1%2", out var scope2));
        Assert.True(SockAddrInet.TryParse("fe80::1%3", out var scope3));
        Assert.False(scope2.AddressEquals(scope3));
        Assert.True(SockAddrInet.TryParse("::ffff:10.0.0.1", out var mapped));
        Assert.True(SockAddrInet.TryParse("10.0.0.1", out var v4));
        Assert.False(mapped.AddressEquals(v4));
        Assert.False(v4.Equals((object)mapped));
    }

    [Theory]
    [InlineData("192.0.2.7")]
    [InlineData("2001:db8::7")]
    public void SetAddress_OverOldBytes_EqualsFromBytes(string text)
    {
        var expected = SockAddrInet.FromIPAddress(IPAddress.Parse(text));
        SockAddrInet.TryParse("fe80::1%9", out var target);

        SockAddrInet.SetAddress(ref target, IPAddress.Parse(text).GetAddressBytes());

        Assert.Equal(expected, target);
        Assert.Equal(0u, target.ScopeId);
    }

    [Fact]
    public void SetAddress_FiveBytes_ThrowsAndLeavesTheTarget()
    {
        SockAddrInet.TryParse("192.0.2.7", out var target);
        var before = target;

        Assert.Throws<ArgumentException>(() => SockAddrInet.SetAddress(ref target, new byte[5]));

        Assert.Equal(before, target);
    }
}
