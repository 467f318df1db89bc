using IpHelper.Linux;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Routes;

public sealed class RouteProtocolMapTests
{
    [Theory]
    [InlineData(RouteConstants.RTPROT_UNSPEC, NlRouteProtocol.RouteProtocolOther, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_REDIRECT, NlRouteProtocol.RouteProtocolIcmp, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_KERNEL, NlRouteProtocol.RouteProtocolLocal, NlRouteOrigin.NlroWellKnown)]
    [InlineData(RouteConstants.RTPROT_BOOT, NlRouteProtocol.RouteProtocolNetMgmt, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_STATIC, NlRouteProtocol.RouteProtocolNetMgmt, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_RA, NlRouteProtocol.RouteProtocolIcmp, NlRouteOrigin.NlroRouterAdvertisement)]
    [InlineData(RouteConstants.RTPROT_DHCP, NlRouteProtocol.RouteProtocolDhcp, NlRouteOrigin.NlroDHCP)]
    [InlineData(RouteConstants.RTPROT_MROUTED, NlRouteProtocol.RouteProtocolDvmrp, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_BGP, NlRouteProtocol.RouteProtocolBgp, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_ISIS, NlRouteProtocol.RouteProtocolIsIs, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_OSPF, NlRouteProtocol.RouteProtocolOspf, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_RIP, NlRouteProtocol.RouteProtocolRip, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_EIGRP, NlRouteProtocol.RouteProtocolEigrp, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_ZEBRA, NlRouteProtocol.RouteProtocolOther, NlRouteOrigin.NlroManual)]
    [InlineData(RouteConstants.RTPROT_BIRD, NlRouteProtocol.RouteProtocolOther, NlRouteOrigin.NlroManual)]
    [InlineData((byte)250, NlRouteProtocol.RouteProtocolOther, NlRouteOrigin.NlroManual)]
    public void ToWindows_LinuxProtocol_MapsAsDocumented(byte linux, NlRouteProtocol protocol, NlRouteOrigin origin)
    {
        Assert.Equal(protocol, RouteProtocolMap.ToWindows(linux));
        Assert.Equal(origin, RouteProtocolMap.Origin(linux));
    }

    [Theory]
    [InlineData(NlRouteProtocol.RouteProtocolOther)]
    [InlineData(NlRouteProtocol.RouteProtocolLocal)]
    [InlineData(NlRouteProtocol.RouteProtocolNetMgmt)]
    [InlineData(NlRouteProtocol.RouteProtocolIcmp)]
    [InlineData(NlRouteProtocol.RouteProtocolRip)]
    [InlineData(NlRouteProtocol.RouteProtocolIsIs)]
    [InlineData(NlRouteProtocol.RouteProtocolOspf)]
    [InlineData(NlRouteProtocol.RouteProtocolBgp)]
    [InlineData(NlRouteProtocol.RouteProtocolEigrp)]
    [InlineData(NlRouteProtocol.RouteProtocolDvmrp)]
    [InlineData(NlRouteProtocol.RouteProtocolDhcp)]
    public void ToLinux_ProtocolWithALinuxNumber_RoundTrips(NlRouteProtocol protocol)
    {
        Assert.Equal(protocol, RouteProtocolMap.ToWindows(RouteProtocolMap.ToLinux(protocol)));
    }

    [Theory]
    [InlineData(NlRouteProtocol.RouteProtocolEgp)]
    [InlineData(NlRouteProtocol.RouteProtocolCisco)]
    [InlineData(NlRouteProtocol.RouteProtocolRpl)]
    [InlineData(NlRouteProtocol.MibIpProtoNtAutostatic)]
    [InlineData(NlRouteProtocol.MibIpProtoNtStatic)]
    [InlineData(NlRouteProtocol.MibIpProtoNtStaticNonDod)]
    public void ToLinux_ProtocolWithoutALinuxNumber_IsStatic(NlRouteProtocol protocol)
    {
        Assert.Equal(RouteConstants.RTPROT_STATIC, RouteProtocolMap.ToLinux(protocol));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(10003)]
    public void ToLinux_ValueThatIsNoProtocol_IsBootLikeIpRouteAdd(int value)
    {
        Assert.False(RouteProtocolMap.IsDefined((NlRouteProtocol)value));
        Assert.Equal(RouteConstants.RTPROT_BOOT, RouteProtocolMap.ToLinux((NlRouteProtocol)value));
    }
}
