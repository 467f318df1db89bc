using IpHelper;
using Xunit;

namespace IpHelper.Tests.Unit.Mib;

/// <summary>Pins the Windows values of every MIB and NL enumeration (spec A 3.8 and the SDK headers).</summary>
public sealed class MibEnumValueTests
{
    [Fact]
    public void MibNotificationType_HasWindowsValues()
    {
        Assert.Equal(0, (int)MibNotificationType.MibParameterNotification);
        Assert.Equal(1, (int)MibNotificationType.MibAddInstance);
        Assert.Equal(2, (int)MibNotificationType.MibDeleteInstance);
        Assert.Equal(3, (int)MibNotificationType.MibInitialNotification);
    }

    [Fact]
    public void MibIfTableAndEntryLevels_HaveWindowsValues()
    {
        Assert.Equal(0, (int)MibIfTableLevel.MibIfTableNormal);
        Assert.Equal(1, (int)MibIfTableLevel.MibIfTableRaw);
        Assert.Equal(2, (int)MibIfTableLevel.MibIfTableNormalWithoutStatistics);
        Assert.Equal(0, (int)MibIfEntryLevel.MibIfEntryNormal);
        Assert.Equal(2, (int)MibIfEntryLevel.MibIfEntryNormalWithoutStatistics);
    }

    [Fact]
    public void NlPrefixAndSuffixOrigin_HaveWindowsValues()
    {
        Assert.Equal(0, (int)NlPrefixOrigin.IpPrefixOriginOther);
        Assert.Equal(1, (int)NlPrefixOrigin.IpPrefixOriginManual);
        Assert.Equal(2, (int)NlPrefixOrigin.IpPrefixOriginWellKnown);
        Assert.Equal(3, (int)NlPrefixOrigin.IpPrefixOriginDhcp);
        Assert.Equal(4, (int)NlPrefixOrigin.IpPrefixOriginRouterAdvertisement);
        Assert.Equal(16, (int)NlPrefixOrigin.IpPrefixOriginUnchanged);
        Assert.Equal(0, (int)NlSuffixOrigin.IpSuffixOriginOther);
        Assert.Equal(1, (int)NlSuffixOrigin.IpSuffixOriginManual);
        Assert.Equal(2, (int)NlSuffixOrigin.IpSuffixOriginWellKnown);
        Assert.Equal(3, (int)NlSuffixOrigin.IpSuffixOriginDhcp);
        Assert.Equal(4, (int)NlSuffixOrigin.IpSuffixOriginLinkLayerAddress);
        Assert.Equal(5, (int)NlSuffixOrigin.IpSuffixOriginRandom);
        Assert.Equal(16, (int)NlSuffixOrigin.IpSuffixOriginUnchanged);
    }

    [Fact]
    public void NlDadState_HasWindowsValues()
    {
        Assert.Equal(0, (int)NlDadState.IpDadStateInvalid);
        Assert.Equal(1, (int)NlDadState.IpDadStateTentative);
        Assert.Equal(2, (int)NlDadState.IpDadStateDuplicate);
        Assert.Equal(3, (int)NlDadState.IpDadStateDeprecated);
        Assert.Equal(4, (int)NlDadState.IpDadStatePreferred);
    }

    [Fact]
    public void NlRouteProtocol_HasRfc4292AndWindowsNtValues()
    {
        NlRouteProtocol[] rfc4292 =
        [
            NlRouteProtocol.RouteProtocolOther, NlRouteProtocol.RouteProtocolLocal, NlRouteProtocol.RouteProtocolNetMgmt,
            NlRouteProtocol.RouteProtocolIcmp, NlRouteProtocol.RouteProtocolEgp, NlRouteProtocol.RouteProtocolGgp,
            NlRouteProtocol.RouteProtocolHello, NlRouteProtocol.RouteProtocolRip, NlRouteProtocol.RouteProtocolIsIs,
            NlRouteProtocol.RouteProtocolEsIs, NlRouteProtocol.RouteProtocolCisco, NlRouteProtocol.RouteProtocolBbn,
            NlRouteProtocol.RouteProtocolOspf, NlRouteProtocol.RouteProtocolBgp, NlRouteProtocol.RouteProtocolIdpr,
            NlRouteProtocol.RouteProtocolEigrp, NlRouteProtocol.RouteProtocolDvmrp, NlRouteProtocol.RouteProtocolRpl,
            NlRouteProtocol.RouteProtocolDhcp,
        ];
        for (var i = 0; i < rfc4292.Length; i++) Assert.Equal(i + 1, (int)rfc4292[i]);
        Assert.Equal(10002, (int)NlRouteProtocol.MibIpProtoNtAutostatic);
        Assert.Equal(10006, (int)NlRouteProtocol.MibIpProtoNtStatic);
        Assert.Equal(10007, (int)NlRouteProtocol.MibIpProtoNtStaticNonDod);
    }

    [Fact]
    public void NlRouteOrigin_HasWindowsValues()
    {
        Assert.Equal(0, (int)NlRouteOrigin.NlroManual);
        Assert.Equal(1, (int)NlRouteOrigin.NlroWellKnown);
        Assert.Equal(2, (int)NlRouteOrigin.NlroDHCP);
        Assert.Equal(3, (int)NlRouteOrigin.NlroRouterAdvertisement);
        Assert.Equal(4, (int)NlRouteOrigin.Nlro6to4);
    }

    [Fact]
    public void NlNeighborState_HasWindowsValues()
    {
        Assert.Equal(0, (int)NlNeighborState.NlnsUnreachable);
        Assert.Equal(1, (int)NlNeighborState.NlnsIncomplete);
        Assert.Equal(2, (int)NlNeighborState.NlnsProbe);
        Assert.Equal(3, (int)NlNeighborState.NlnsDelay);
        Assert.Equal(4, (int)NlNeighborState.NlnsStale);
        Assert.Equal(5, (int)NlNeighborState.NlnsReachable);
        Assert.Equal(6, (int)NlNeighborState.NlnsPermanent);
        Assert.Equal(7, (int)NlNeighborState.NlnsMaximum);
    }

    [Fact]
    public void Behaviors_UseMinusOneForUnchanged()
    {
        Assert.Equal(0, (int)NlRouterDiscoveryBehavior.RouterDiscoveryDisabled);
        Assert.Equal(1, (int)NlRouterDiscoveryBehavior.RouterDiscoveryEnabled);
        Assert.Equal(2, (int)NlRouterDiscoveryBehavior.RouterDiscoveryDhcp);
        Assert.Equal(-1, (int)NlRouterDiscoveryBehavior.RouterDiscoveryUnchanged);
        Assert.Equal(0, (int)NlLinkLocalAddressBehavior.LinkLocalAlwaysOff);
        Assert.Equal(1, (int)NlLinkLocalAddressBehavior.LinkLocalDelayed);
        Assert.Equal(2, (int)NlLinkLocalAddressBehavior.LinkLocalAlwaysOn);
        Assert.Equal(-1, (int)NlLinkLocalAddressBehavior.LinkLocalUnchanged);
    }

    [Fact]
    public void NlAddressType_HasWindowsValues()
    {
        Assert.Equal(0, (int)NlAddressType.NlatUnspecified);
        Assert.Equal(1, (int)NlAddressType.NlatUnicast);
        Assert.Equal(2, (int)NlAddressType.NlatAnycast);
        Assert.Equal(3, (int)NlAddressType.NlatMulticast);
        Assert.Equal(4, (int)NlAddressType.NlatBroadcast);
        Assert.Equal(5, (int)NlAddressType.NlatInvalid);
    }

    [Fact]
    public void ScopeLevel_HasWindowsValues()
    {
        Assert.Equal(1, (int)ScopeLevel.ScopeLevelInterface);
        Assert.Equal(2, (int)ScopeLevel.ScopeLevelLink);
        Assert.Equal(3, (int)ScopeLevel.ScopeLevelSubnet);
        Assert.Equal(4, (int)ScopeLevel.ScopeLevelAdmin);
        Assert.Equal(5, (int)ScopeLevel.ScopeLevelSite);
        Assert.Equal(8, (int)ScopeLevel.ScopeLevelOrganization);
        Assert.Equal(14, (int)ScopeLevel.ScopeLevelGlobal);
        Assert.Equal(16, (int)ScopeLevel.ScopeLevelCount);
    }

    [Fact]
    public void InterfaceStatusEnums_HaveWindowsValues()
    {
        Assert.Equal(1, (int)IfOperStatus.IfOperStatusUp);
        Assert.Equal(2, (int)IfOperStatus.IfOperStatusDown);
        Assert.Equal(3, (int)IfOperStatus.IfOperStatusTesting);
        Assert.Equal(4, (int)IfOperStatus.IfOperStatusUnknown);
        Assert.Equal(5, (int)IfOperStatus.IfOperStatusDormant);
        Assert.Equal(6, (int)IfOperStatus.IfOperStatusNotPresent);
        Assert.Equal(7, (int)IfOperStatus.IfOperStatusLowerLayerDown);
        Assert.Equal(1, (int)NetIfAdminStatus.NetIfAdminStatusUp);
        Assert.Equal(2, (int)NetIfAdminStatus.NetIfAdminStatusDown);
        Assert.Equal(3, (int)NetIfAdminStatus.NetIfAdminStatusTesting);
        Assert.Equal(0, (int)NetIfMediaConnectState.MediaConnectStateUnknown);
        Assert.Equal(1, (int)NetIfMediaConnectState.MediaConnectStateConnected);
        Assert.Equal(2, (int)NetIfMediaConnectState.MediaConnectStateDisconnected);
    }

    [Fact]
    public void InterfaceKindEnums_HaveWindowsValues()
    {
        Assert.Equal(0, (int)TunnelType.TunnelTypeNone);
        Assert.Equal(1, (int)TunnelType.TunnelTypeOther);
        Assert.Equal(2, (int)TunnelType.TunnelTypeDirect);
        Assert.Equal(11, (int)TunnelType.TunnelType6To4);
        Assert.Equal(13, (int)TunnelType.TunnelTypeIsatap);
        Assert.Equal(14, (int)TunnelType.TunnelTypeTeredo);
        Assert.Equal(15, (int)TunnelType.TunnelTypeIpHttps);
        Assert.Equal(1, (int)NetIfAccessType.NetIfAccessLoopback);
        Assert.Equal(2, (int)NetIfAccessType.NetIfAccessBroadcast);
        Assert.Equal(3, (int)NetIfAccessType.NetIfAccessPointToPoint);
        Assert.Equal(4, (int)NetIfAccessType.NetIfAccessPointToMultiPoint);
        Assert.Equal(0, (int)NetIfDirectionType.NetIfDirectionSendReceive);
        Assert.Equal(1, (int)NetIfDirectionType.NetIfDirectionSendOnly);
        Assert.Equal(2, (int)NetIfDirectionType.NetIfDirectionReceiveOnly);
        Assert.Equal(1, (int)NetIfConnectionType.NetIfConnectionDedicated);
        Assert.Equal(2, (int)NetIfConnectionType.NetIfConnectionPassive);
        Assert.Equal(3, (int)NetIfConnectionType.NetIfConnectionDemand);
    }

    [Fact]
    public void NdisMedium_HasWindowsValues()
    {
        NdisMedium[] inOrder =
        [
            NdisMedium.NdisMedium802_3, NdisMedium.NdisMedium802_5, NdisMedium.NdisMediumFddi, NdisMedium.NdisMediumWan,
            NdisMedium.NdisMediumLocalTalk, NdisMedium.NdisMediumDix, NdisMedium.NdisMediumArcnetRaw,
            NdisMedium.NdisMediumArcnet878_2, NdisMedium.NdisMediumAtm, NdisMedium.NdisMediumWirelessWan,
            NdisMedium.NdisMediumIrda, NdisMedium.NdisMediumBpc, NdisMedium.NdisMediumCoWan, NdisMedium.NdisMedium1394,
            NdisMedium.NdisMediumInfiniBand, NdisMedium.NdisMediumTunnel, NdisMedium.NdisMediumNative802_11,
            NdisMedium.NdisMediumLoopback, NdisMedium.NdisMediumWiMAX, NdisMedium.NdisMediumIP, NdisMedium.NdisMediumMax,
        ];
        for (var i = 0; i < inOrder.Length; i++) Assert.Equal(i, (int)inOrder[i]);
    }

    [Fact]
    public void NdisPhysicalMedium_HasWindowsValues()
    {
        Assert.Equal(0, (int)NdisPhysicalMedium.NdisPhysicalMediumUnspecified);
        Assert.Equal(1, (int)NdisPhysicalMedium.NdisPhysicalMediumWirelessLan);
        Assert.Equal(5, (int)NdisPhysicalMedium.NdisPhysicalMediumDSL);
        Assert.Equal(7, (int)NdisPhysicalMedium.NdisPhysicalMedium1394);
        Assert.Equal(8, (int)NdisPhysicalMedium.NdisPhysicalMediumWirelessWan);
        Assert.Equal(9, (int)NdisPhysicalMedium.NdisPhysicalMediumNative802_11);
        Assert.Equal(10, (int)NdisPhysicalMedium.NdisPhysicalMediumBluetooth);
        Assert.Equal(11, (int)NdisPhysicalMedium.NdisPhysicalMediumInfiniband);
        Assert.Equal(14, (int)NdisPhysicalMedium.NdisPhysicalMedium802_3);
        Assert.Equal(19, (int)NdisPhysicalMedium.NdisPhysicalMediumOther);
        Assert.Equal(20, (int)NdisPhysicalMedium.NdisPhysicalMediumNative802_15_4);
        Assert.Equal(21, (int)NdisPhysicalMedium.NdisPhysicalMediumMax);
    }

    [Fact]
    public void IfType_HasIanaValues()
    {
        Assert.Equal(1u, (uint)IfType.Other);
        Assert.Equal(6u, (uint)IfType.EthernetCsmacd);
        Assert.Equal(9u, (uint)IfType.Iso88025Tokenring);
        Assert.Equal(15u, (uint)IfType.Fddi);
        Assert.Equal(23u, (uint)IfType.Ppp);
        Assert.Equal(24u, (uint)IfType.SoftwareLoopback);
        Assert.Equal(28u, (uint)IfType.Slip);
        Assert.Equal(37u, (uint)IfType.Atm);
        Assert.Equal(53u, (uint)IfType.PropVirtual);
        Assert.Equal(71u, (uint)IfType.Ieee80211);
        Assert.Equal(131u, (uint)IfType.Tunnel);
        Assert.Equal(135u, (uint)IfType.L2Vlan);
        Assert.Equal(144u, (uint)IfType.Ieee1394);
        Assert.Equal(161u, (uint)IfType.Ieee8023adLag);
        Assert.Equal(199u, (uint)IfType.Infiniband);
        Assert.Equal(209u, (uint)IfType.Bridge);
        Assert.Equal(243u, (uint)IfType.Wwanpp);
        Assert.Equal(244u, (uint)IfType.Wwanpp2);
        Assert.Equal(259u, (uint)IfType.Ieee802154);
    }

    [Fact]
    public void ByteFlagEnums_HaveOneBitPerFlagInWindowsOrder()
    {
        InterfaceAndOperStatusFlags[] statusFlags =
        [
            InterfaceAndOperStatusFlags.HardwareInterface, InterfaceAndOperStatusFlags.FilterInterface,
            InterfaceAndOperStatusFlags.ConnectorPresent, InterfaceAndOperStatusFlags.NotAuthenticated,
            InterfaceAndOperStatusFlags.NotMediaConnected, InterfaceAndOperStatusFlags.Paused,
            InterfaceAndOperStatusFlags.LowPower, InterfaceAndOperStatusFlags.EndPointInterface,
        ];
        NlInterfaceOffloadRod[] offload =
        [
            NlInterfaceOffloadRod.NlChecksumSupported, NlInterfaceOffloadRod.NlOptionsSupported,
            NlInterfaceOffloadRod.TlDatagramChecksumSupported, NlInterfaceOffloadRod.TlStreamChecksumSupported,
            NlInterfaceOffloadRod.TlStreamOptionsSupported, NlInterfaceOffloadRod.FastPathCompatible,
            NlInterfaceOffloadRod.TlLargeSendOffloadSupported, NlInterfaceOffloadRod.TlGiantSendOffloadSupported,
        ];
        for (var bit = 0; bit < 8; bit++)
        {
            Assert.Equal(1 << bit, (int)statusFlags[bit]);
            Assert.Equal(1 << bit, (int)offload[bit]);
        }
    }
}
