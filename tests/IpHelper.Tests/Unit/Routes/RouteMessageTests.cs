using System.Buffers.Binary;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Routes;

public sealed class RouteMessageTests
{
    private static readonly byte[] s_v4Prefix = [203, 0, 113, 0];
    private static readonly byte[] s_v4Gateway = [192, 0, 2, 9];

    [Fact]
    public void TryDecode_SinglePathRouteWrittenByRouteRequest_ReadsBackEveryField()
    {
        var route = new KernelRoute
        {
            Family = RouteConstants.AF_INET, DstLen = 24, Dst = s_v4Prefix, Table = 1000, Protocol = RouteConstants.RTPROT_BGP,
            Scope = RouteConstants.RT_SCOPE_UNIVERSE, Type = RouteConstants.RTN_UNICAST, Priority = 77, PrefSrc = [192, 0, 2, 1],
            NextHops = [new KernelNextHop(3, 0, 1, s_v4Gateway, null)],
        };
        using var writer = new NetlinkMessageWriter();
        RouteRequest.Write(writer, RtnlMessageType.RTM_NEWROUTE, 0, route);

        var decoded = Decode(writer.Written, (in RouteMessage message) =>
        {
            Assert.Equal(RouteConstants.AF_INET, message.Family);
            Assert.Equal(24, message.DstLen);
            Assert.Equal(s_v4Prefix, message.Dst.ToArray());
            Assert.Equal(1000u, message.Table);
            Assert.Equal(RouteConstants.RTPROT_BGP, message.Protocol);
            Assert.Equal(77u, message.Priority);
            Assert.Equal(3, message.Oif);
            Assert.Equal(s_v4Gateway, message.Gateway.ToArray());
            Assert.Equal(new byte[] { 192, 0, 2, 1 }, message.PrefSrc.ToArray());
        });

        Assert.True(decoded);
    }

    [Fact]
    public void NextHops_MultipathRoute_YieldsEachNextHopWithItsWeightAndFlags()
    {
        var route = new KernelRoute
        {
            Family = RouteConstants.AF_INET, DstLen = 24, Dst = s_v4Prefix, Table = RouteConstants.RT_TABLE_MAIN,
            Type = RouteConstants.RTN_UNICAST, Multipath = true,
            NextHops = [new KernelNextHop(2, RouteConstants.RTNH_F_ONLINK, 3, s_v4Gateway, null), new KernelNextHop(4, 0, 1, [198, 51, 100, 3], null)],
        };
        using var writer = new NetlinkMessageWriter();
        RouteRequest.Write(writer, RtnlMessageType.RTM_NEWROUTE, 0, route);
        var hops = new List<(int Index, byte Flags, int Weight, byte[] Gateway)>();
        var malformed = true;

        Assert.True(Decode(writer.Written, (in RouteMessage message) =>
        {
            var walk = message.NextHops;
            while (walk.MoveNext()) hops.Add((walk.Current.InterfaceIndex, walk.Current.Flags, walk.Current.Weight, walk.Current.Gateway.ToArray()));
            malformed = walk.Malformed;
        }));

        Assert.False(malformed);
        Assert.Equal(2, hops.Count);
        Assert.Equal((2, RouteConstants.RTNH_F_ONLINK, 3), (hops[0].Index, hops[0].Flags, hops[0].Weight));
        Assert.Equal(s_v4Gateway, hops[0].Gateway);
        Assert.Equal((4, (byte)0, 1), (hops[1].Index, hops[1].Flags, hops[1].Weight));
    }

    [Fact]
    public void NextHops_RouteWithoutInterface_YieldsOneNextHopOnInterfaceZero()
    {
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_BLACKHOLE, RouteConstants.RTPROT_BOOT, (RouteConstants.RTA_DST, s_v4Prefix));
        Assert.True(Decode(bytes, (in RouteMessage message) =>
        {
            var walk = message.NextHops;

            Assert.True(walk.MoveNext());
            Assert.Equal(0, walk.Current.InterfaceIndex);
            Assert.True(walk.Current.Gateway.IsEmpty);
            Assert.False(walk.MoveNext());
        }));
    }

    [Fact]
    public void TryDecode_CacheInfo_GivesTheRemainingLifetimeInTicks()
    {
        var cacheInfo = new byte[32];
        BinaryPrimitives.WriteInt32LittleEndian(cacheInfo.AsSpan(RouteConstants.CacheInfoExpiresOffset), 29_950);
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET6, 48, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT, (RouteConstants.RTA_DST, new byte[16]), (RouteConstants.RTA_CACHEINFO, cacheInfo));

        Assert.True(Decode(bytes, (in RouteMessage message) => Assert.Equal(29_950, message.ExpiresTicks)));
    }

    [Fact]
    public void NextHop_ViaAttribute_GivesAnAddressOfTheOtherFamily()
    {
        var via = new byte[18];
        BinaryPrimitives.WriteUInt16LittleEndian(via, RouteConstants.AF_INET6);
        via[2] = 0xfe;
        via[3] = 0x80;
        via[17] = 1;
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT, (RouteConstants.RTA_DST, s_v4Prefix), (RouteConstants.RTA_OIF, [2, 0, 0, 0]), (RouteConstants.RTA_VIA, via));
        Assert.True(Decode(bytes, (in RouteMessage message) =>
        {
            var walk = message.NextHops;
            Assert.True(walk.MoveNext());

            Assert.Equal(RouteConstants.AF_INET6, walk.Current.ViaFamily);
            Assert.Equal("fe80::1", Linux.RouteRowMapper.NextHop(walk.Current, new byte[4]).ToString());
        }));
    }

    [Fact]
    public void TryDecode_UnknownAttribute_IsSkipped()
    {
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT, (200, [1, 2, 3]), (RouteConstants.RTA_DST, s_v4Prefix));

        Assert.True(Decode(bytes, (in RouteMessage message) => Assert.Equal(s_v4Prefix, message.Dst.ToArray())));
    }

    [Theory]
    [InlineData(24, 3)]
    [InlineData(33, 4)]
    public void TryDecode_DestinationThatDoesNotFitTheFamily_IsMalformed(byte prefixLength, int addressLength)
    {
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, prefixLength, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT, (RouteConstants.RTA_DST, new byte[addressLength]));

        Assert.False(Decode(bytes));
    }

    [Fact]
    public void NextHops_RtNextHopLongerThanTheAttribute_IsMalformed()
    {
        var multipath = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(multipath, 40);
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT, (RouteConstants.RTA_DST, s_v4Prefix), (RouteConstants.RTA_MULTIPATH, multipath));
        Assert.True(Decode(bytes, (in RouteMessage message) =>
        {
            var walk = message.NextHops;

            Assert.False(walk.MoveNext());
            Assert.True(walk.Malformed);
        }));
    }

    [Fact]
    public void TryDecode_LinkMessage_IsNotARoute()
    {
        using var writer = new NetlinkMessageWriter();
        LinkRequest.Get(writer, 1, null, withStatistics: false);

        Assert.False(Decode(writer.Written));
    }

    private delegate void RouteCheck(in RouteMessage route);

    /// <summary>Decodes the first message of <paramref name="bytes"/>; runs <paramref name="check"/> on it when it decodes.</summary>
    private static bool Decode(ReadOnlySpan<byte> bytes, RouteCheck? check = null)
    {
        var messages = new NetlinkMessageEnumerator(bytes);
        Assert.True(messages.MoveNext());
        var message = messages.Current;
        if (!RouteMessage.TryDecode(message, out var route)) return false;
        check?.Invoke(route);
        return true;
    }
}
