using System.Net.NetworkInformation;
using System.Net.Sockets;
using IpHelper.Objects;
using Xunit;

namespace IpHelper.Tests.Objects;

public sealed class NetObjectsTests
{
    [Theory]
    [InlineData(0u, 0d)]
    [InlineData(600u, 600d)]
    [InlineData(uint.MaxValue - 1, uint.MaxValue - 1d)]
    public void LifetimeFromSeconds_Finite_IsThatManySeconds(uint seconds, double expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), NetObjects.LifetimeFromSeconds(seconds));

    [Fact]
    public void LifetimeFromSeconds_Infinite_IsTimeSpanMaxValue() =>
        Assert.Equal(TimeSpan.MaxValue, NetObjects.LifetimeFromSeconds(uint.MaxValue));

    [Fact]
    public void LifetimeToSeconds_RoundTripsAndSaturates()
    {
        Assert.Equal(uint.MaxValue, NetObjects.LifetimeToSeconds(TimeSpan.MaxValue));
        Assert.Equal(uint.MaxValue, NetObjects.LifetimeToSeconds(TimeSpan.FromSeconds(uint.MaxValue + 10d)));
        Assert.Equal(90u, NetObjects.LifetimeToSeconds(TimeSpan.FromSeconds(90.9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetObjects.LifetimeToSeconds(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void FromFileTime_ZeroIsUnknown_OtherwiseUtc()
    {
        Assert.Null(NetObjects.FromFileTime(0));
        var instant = new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
        Assert.Equal(instant, NetObjects.FromFileTime(instant.ToFileTime()));
    }

    [Fact]
    public void Families_ConvertBothWays_AndRefuseOthers()
    {
        Assert.Equal(AddressFamily.InterNetwork, IPAddressFamily.IPv4.ToSocketFamily());
        Assert.Equal(AddressFamily.InterNetworkV6, IPAddressFamily.IPv6.ToSocketFamily());
        Assert.Equal(IPAddressFamily.IPv6, AddressFamily.InterNetworkV6.ToIPAddressFamily());
        Assert.Equal(23, (int)IPAddressFamily.IPv6);
        Assert.Throws<ArgumentOutOfRangeException>(() => AddressFamily.Unix.ToIPAddressFamily());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IPAddressFamily)7).ToSocketFamily());
    }

    [Fact]
    public void FormatMac_IsWindowsStyle() =>
        Assert.Equal("02-00-5E-10-00-AB", NetAdapter.FormatMac(PhysicalAddress.Parse("02:00:5e:10:00:ab")));

    [Fact]
    public void FormatMac_Empty_IsEmpty() => Assert.Equal("", NetAdapter.FormatMac(PhysicalAddress.None));

    [Fact]
    public void EnumValues_AreTheWindowsOnes()
    {
        Assert.Equal((int)NlRouteProtocol.RouteProtocolNetMgmt, (int)RouteProtocol.NetMgmt);
        Assert.Equal((int)NlRouteProtocol.RouteProtocolDhcp, (int)RouteProtocol.Dhcp);
        Assert.Equal((int)NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, (int)AddressPrefixOrigin.RouterAdvertisement);
        Assert.Equal((int)NlSuffixOrigin.IpSuffixOriginRandom, (int)AddressSuffixOrigin.Random);
        Assert.Equal((int)NlDadState.IpDadStatePreferred, (int)AddressState.Preferred);
        Assert.Equal((int)NlNeighborState.NlnsPermanent, (int)NeighborState.Permanent);
        Assert.Equal((int)NlRouterDiscoveryBehavior.RouterDiscoveryDhcp, (int)RouterDiscovery.ControlledByDhcp);
    }

    [Theory]
    [InlineData(NetIfAdminStatus.NetIfAdminStatusDown, IfOperStatus.IfOperStatusDown, NetIfMediaConnectState.MediaConnectStateDisconnected, "Disabled")]
    [InlineData(NetIfAdminStatus.NetIfAdminStatusUp, IfOperStatus.IfOperStatusUp, NetIfMediaConnectState.MediaConnectStateConnected, "Up")]
    [InlineData(NetIfAdminStatus.NetIfAdminStatusUp, IfOperStatus.IfOperStatusDown, NetIfMediaConnectState.MediaConnectStateDisconnected, "Disconnected")]
    [InlineData(NetIfAdminStatus.NetIfAdminStatusUp, IfOperStatus.IfOperStatusLowerLayerDown, NetIfMediaConnectState.MediaConnectStateUnknown, "Disconnected")]
    [InlineData(NetIfAdminStatus.NetIfAdminStatusUp, IfOperStatus.IfOperStatusNotPresent, NetIfMediaConnectState.MediaConnectStateUnknown, "Not Present")]
    [InlineData(NetIfAdminStatus.NetIfAdminStatusUp, IfOperStatus.IfOperStatusDormant, NetIfMediaConnectState.MediaConnectStateConnected, "Dormant")]
    [InlineData(NetIfAdminStatus.NetIfAdminStatusUp, (IfOperStatus)99, NetIfMediaConnectState.MediaConnectStateConnected, "99")]
    public void NetAdapterStatus_FollowsWindowsDerivation(NetIfAdminStatus admin, IfOperStatus oper, NetIfMediaConnectState media, string expected)
    {
        var row = new MibIfRow2 { AdminStatus = admin, OperStatus = oper, MediaConnectState = media, TransmitLinkSpeed = ulong.MaxValue };

        var adapter = new NetAdapter(row);

        Assert.Equal(expected, adapter.Status);
        Assert.Null(adapter.Speed);
        Assert.Equal("Unknown", adapter.LinkSpeed);
    }

    [Theory]
    [InlineData(10_000_000_000UL, "10 Gbps")]
    [InlineData(2_500_000_000UL, "2.5 Gbps")]
    [InlineData(100_000_000UL, "100 Mbps")]
    [InlineData(0UL, "0 bps")]
    public void NetAdapterLinkSpeed_IsWindowsText(ulong bits, string expected) =>
        Assert.Equal(expected, new NetAdapter(new MibIfRow2 { TransmitLinkSpeed = bits }).LinkSpeed);
}
