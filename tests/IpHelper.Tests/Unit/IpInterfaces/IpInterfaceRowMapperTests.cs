using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.IpInterfaces;

/// <summary>IpInterfaceRowMapper: the kernel facts of one interface to MIB_IPINTERFACE_ROW, as docs/mapping.md says.</summary>
public sealed class IpInterfaceRowMapperTests
{
    private const uint Up = LinkConstants.IFF_UP | LinkConstants.IFF_LOWER_UP | LinkConstants.IFF_BROADCAST | LinkConstants.IFF_MULTICAST;

    [Fact]
    public void HasRow_Ipv4_FollowsTheInDevice()
    {
        Assert.True(IpInterfaceRowMapper.HasRow(Ethernet(), AddressFamily.InterNetwork));
        var noInet = Ethernet();
        noInet.HasInet = false;
        Assert.False(IpInterfaceRowMapper.HasRow(noInet, AddressFamily.InterNetwork));
    }

    [Fact]
    public void HasRow_Ipv6_NeedsTheInet6DevAndDisableIpv6Off()
    {
        var facts = Ethernet();
        Assert.True(IpInterfaceRowMapper.HasRow(facts, AddressFamily.InterNetworkV6));
        facts.DisableIpv6 = true;
        Assert.False(IpInterfaceRowMapper.HasRow(facts, AddressFamily.InterNetworkV6));
        facts.DisableIpv6 = false;
        facts.HasInet6 = false;
        Assert.False(IpInterfaceRowMapper.HasRow(facts, AddressFamily.InterNetworkV6));
        Assert.False(IpInterfaceRowMapper.HasRow(facts, AddressFamily.Unspecified));
    }

    [Fact]
    public void Fill_Ipv4_TakesTheDeviceAndArpValues_AndTheNotAvailableValues()
    {
        var facts = Ethernet();
        facts.Ipv4Forwarding = true;
        facts.Metric4 = 25;

        var row = Fill(facts, AddressFamily.InterNetwork);

        Assert.Equal(AddressFamily.InterNetwork, row.Family);
        Assert.Equal(facts.Luid, row.InterfaceLuid);
        Assert.Equal(7u, row.InterfaceIndex);
        Assert.True(row.ForwardingEnabled);
        Assert.Equal(1500u, row.NlMtu);
        Assert.Equal(30000u, row.BaseReachableTime);
        Assert.Equal(1000u, row.RetransmitTime);
        Assert.Equal(27000u, row.ReachableTime);
        Assert.Equal(600000u, row.PathMtuDiscoveryTimeout);
        Assert.False(row.UseAutomaticMetric);
        Assert.Equal(25u, row.Metric);
        Assert.Equal(0UL, row.InterfaceIdentifier);
        Assert.Equal(0u, row.DadTransmits);
        Assert.Equal(NlRouterDiscoveryBehavior.RouterDiscoveryDisabled, row.RouterDiscoveryBehavior);
        Assert.False(row.SupportsRouterDiscovery);
        Assert.Equal(NlLinkLocalAddressBehavior.LinkLocalAlwaysOff, row.LinkLocalAddressBehavior);
        Assert.False(row.DisableDefaultRoutes);
        Assert.Equal(0u, row.MaxReassemblySize);
        Assert.Equal(0u, row.MinRouterAdvertisementInterval);
        Assert.Equal(0u, row.MaxRouterAdvertisementInterval);
        Assert.Equal(0u, row.SitePrefixLength);
        Assert.Equal(0u, row.LinkLocalAddressTimeout);
        Assert.False(row.AdvertisingEnabled);
        Assert.False(row.AdvertiseDefaultRoute);
        Assert.True(row.WeakHostSend);
        Assert.True(row.WeakHostReceive);
    }

    [Fact]
    public void Fill_Ipv6_TakesTheInet6DevValues()
    {
        var facts = Ethernet();
        facts.Ipv6Mtu = 1400;
        facts.Ipv6DadTransmits = 3;
        facts.Ipv6AcceptRaDefrtr = 0;
        facts.Inet6Flags = DevConf.IF_RA_MANAGED;
        facts.Ipv6InterfaceIdentifier = 0x1122334455667788;

        var row = Fill(facts, AddressFamily.InterNetworkV6);

        Assert.Equal(AddressFamily.InterNetworkV6, row.Family);
        Assert.Equal(1400u, row.NlMtu);
        Assert.Equal(3u, row.DadTransmits);
        Assert.True(row.DisableDefaultRoutes);
        Assert.True(row.ManagedAddressConfigurationSupported);
        Assert.False(row.OtherStatefulConfigurationSupported);
        Assert.Equal(0x1122334455667788UL, row.InterfaceIdentifier);
        Assert.Equal(20000u, row.BaseReachableTime);
        Assert.Equal(NlRouterDiscoveryBehavior.RouterDiscoveryEnabled, row.RouterDiscoveryBehavior);
        Assert.True(row.SupportsRouterDiscovery);
        Assert.Equal(NlLinkLocalAddressBehavior.LinkLocalAlwaysOn, row.LinkLocalAddressBehavior);
        Assert.True(row.UseAutomaticMetric);
        Assert.Equal(0u, row.Metric);
    }

    [Theory]
    [InlineData(false, false, 0, false)]
    [InlineData(false, false, 1, true)]
    [InlineData(false, false, 2, true)]
    [InlineData(true, false, 1, false)]
    [InlineData(true, false, 2, true)]
    [InlineData(false, true, 1, false)]
    [InlineData(false, true, 2, true)]
    public void Fill_Ipv6RouterDiscovery_IsWhatTheKernelDoesWithAcceptRa(bool forwarding, bool forceForwarding, int acceptRa, bool enabled)
    {
        var facts = Ethernet();
        facts.Ipv6Forwarding = forwarding;
        facts.Ipv6ForceForwarding = forceForwarding;
        facts.Ipv6AcceptRa = acceptRa;

        var row = Fill(facts, AddressFamily.InterNetworkV6);

        Assert.Equal(forwarding || forceForwarding, row.ForwardingEnabled);
        Assert.Equal(enabled ? NlRouterDiscoveryBehavior.RouterDiscoveryEnabled : NlRouterDiscoveryBehavior.RouterDiscoveryDisabled, row.RouterDiscoveryBehavior);
    }

    [Theory]
    [InlineData(1, 0, 2u)]
    [InlineData(0, 1, 2u)]
    [InlineData(0, 0, 0u)]
    [InlineData(0, -1, 0u)]
    public void Fill_Ipv6DadTransmits_IsZeroWhenDadDoesNotRun(int acceptDad, int allAcceptDad, uint expected)
    {
        var facts = Ethernet();
        facts.Ipv6DadTransmits = 2;
        facts.Ipv6AcceptDad = acceptDad;
        facts.AllAcceptDad = allAcceptDad;

        Assert.Equal(expected, Fill(facts, AddressFamily.InterNetworkV6).DadTransmits);
    }

    [Fact]
    public void Fill_NoArpDevice_HasNoNeighborDiscoveryNorDad()
    {
        var facts = Ethernet();
        facts.Flags = LinkConstants.IFF_UP | LinkConstants.IFF_POINTOPOINT | LinkConstants.IFF_NOARP;
        facts.Ipv6DadTransmits = 1;

        var row = Fill(facts, AddressFamily.InterNetworkV6);

        Assert.False(row.SupportsNeighborDiscovery);
        Assert.False(row.UseNeighborUnreachabilityDetection);
        Assert.Equal(0u, row.DadTransmits);
        Assert.False(row.Connected);
        Assert.True(row.SupportsRouterDiscovery);
    }

    [Fact]
    public void Fill_Loopback_HasNoDadRouterDiscoveryOrLinkLocal()
    {
        var facts = Ethernet();
        facts.Flags = LinkConstants.IFF_UP | LinkConstants.IFF_LOWER_UP | LinkConstants.IFF_LOOPBACK;
        facts.Mtu = 65536;
        facts.Ipv6Mtu = 65536;

        var row = Fill(facts, AddressFamily.InterNetworkV6);

        Assert.Equal(0u, row.DadTransmits);
        Assert.Equal(NlRouterDiscoveryBehavior.RouterDiscoveryDisabled, row.RouterDiscoveryBehavior);
        Assert.False(row.SupportsRouterDiscovery);
        Assert.Equal(NlLinkLocalAddressBehavior.LinkLocalAlwaysOff, row.LinkLocalAddressBehavior);
        Assert.False(row.SupportsNeighborDiscovery);
        Assert.Equal(65536u, row.NlMtu);
    }

    [Fact]
    public void Fill_AddrGenModeNone_IsLinkLocalAlwaysOff()
    {
        var facts = Ethernet();
        facts.Ipv6AddrGenMode = DevConf.IN6_ADDR_GEN_MODE_NONE;

        Assert.Equal(NlLinkLocalAddressBehavior.LinkLocalAlwaysOff, Fill(facts, AddressFamily.InterNetworkV6).LinkLocalAddressBehavior);
    }

    [Fact]
    public void Fill_ZoneIndices_AreTheIndexAtInterfaceAndLinkScope_ZeroAbove()
    {
        var row = Fill(Ethernet(), AddressFamily.InterNetworkV6);

        uint[] expected = [0, 7, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(expected, ((ReadOnlySpan<uint>)row.ZoneIndices).ToArray());
    }

    [Fact]
    public void Fill_Connected_FollowsLowerUp()
    {
        var facts = Ethernet();
        Assert.True(Fill(facts, AddressFamily.InterNetwork).Connected);
        facts.Flags &= ~LinkConstants.IFF_LOWER_UP;
        Assert.False(Fill(facts, AddressFamily.InterNetwork).Connected);
    }

    [Fact]
    public void Fill_Offloads_PerFamily()
    {
        var facts = Ethernet();
        facts.Offloads = new OffloadFeatures(TxIpv4Checksum: true, TxIpv6Checksum: false, TxGenericChecksum: false, Tso: true, Tso6: true, RxChecksum: true);
        facts.GsoMaxSize = 131072;
        facts.GsoIpv4MaxSize = 65536;
        const NlInterfaceOffloadRod checksums = NlInterfaceOffloadRod.TlDatagramChecksumSupported
            | NlInterfaceOffloadRod.TlStreamChecksumSupported | NlInterfaceOffloadRod.TlStreamOptionsSupported;

        var ipv4 = Fill(facts, AddressFamily.InterNetwork);
        var ipv6 = Fill(facts, AddressFamily.InterNetworkV6);

        Assert.Equal(checksums | NlInterfaceOffloadRod.TlLargeSendOffloadSupported, ipv4.TransmitOffload);
        Assert.Equal(NlInterfaceOffloadRod.TlLargeSendOffloadSupported | NlInterfaceOffloadRod.TlGiantSendOffloadSupported, ipv6.TransmitOffload);
        Assert.Equal(checksums, ipv4.ReceiveOffload);
        Assert.Equal(checksums, ipv6.ReceiveOffload);
    }

    [Fact]
    public void Fill_SaturatesHugeTimes()
    {
        var facts = Ethernet();
        facts.MtuExpires4 = long.MaxValue / 2;
        facts.Neighbor4 = new NeighborTableParameters(7, ulong.MaxValue, 1UL << 40, 5);

        var row = Fill(facts, AddressFamily.InterNetwork);

        Assert.Equal(uint.MaxValue, row.PathMtuDiscoveryTimeout);
        Assert.Equal(uint.MaxValue, row.ReachableTime);
        Assert.Equal(uint.MaxValue, row.BaseReachableTime);
        Assert.Equal(5u, row.RetransmitTime);
    }

    private static MibIpInterfaceRow Fill(in IpInterfaceFacts facts, AddressFamily family)
    {
        var row = new MibIpInterfaceRow { Metric = 12345, DisableDefaultRoutes = true };
        IpInterfaceRowMapper.Fill(ref row, family, facts);
        return row;
    }

    /// <summary>An Ethernet interface as a fresh veth is: both families, defaults everywhere.</summary>
    internal static IpInterfaceFacts Ethernet() => new()
    {
        Index = 7,
        Luid = new NetLuid(7, (ushort)IfType.EthernetCsmacd),
        Flags = Up,
        Mtu = 1500,
        MinMtu = 68,
        MaxMtu = 65535,
        HasInet = true,
        HasInet6 = true,
        Ipv6Mtu = 1500,
        Ipv6AcceptRa = 1,
        Ipv6AcceptRaDefrtr = 1,
        Ipv6DadTransmits = 1,
        Ipv6AcceptDad = 1,
        Ipv6HasForceForwarding = true,
        Neighbor4 = new NeighborTableParameters(7, 27000, 30000, 1000),
        Neighbor6 = new NeighborTableParameters(7, 21000, 20000, 1000),
        MtuExpires4 = 600,
        MtuExpires6 = 600,
    };
}
