using System.Buffers.Binary;
using IpHelper.Linux;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Routes;

public sealed class RouteRowMapperTests
{
    [Fact]
    public void AppendRows_ExpiringIpv6RouteOnAnUnknownInterface_IsCountedUnresolvedWithTheRawPriority()
    {
        var cacheInfo = new byte[32];
        BinaryPrimitives.WriteInt32LittleEndian(cacheInfo.AsSpan(RouteConstants.CacheInfoExpiresOffset), 29_901);
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET6, 48, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_RA,
            (RouteConstants.RTA_DST, [0x20, 0x01, 0x0d, 0xb8, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            (RouteConstants.RTA_OIF, [7, 0, 0, 0]), (RouteConstants.RTA_PRIORITY, [0, 4, 0, 0]), (RouteConstants.RTA_CACHEINFO, cacheInfo));

        var row = Single(bytes, out var unresolved);

        Assert.Equal(1, unresolved);
        Assert.Equal("2001:db8:5::/48", row.DestinationPrefix.ToString());
        Assert.Equal("::", row.NextHop.ToString());
        Assert.Equal(7u, row.InterfaceIndex);
        Assert.True(row.InterfaceLuid.IsUnspecified);
        Assert.Equal(1024u, row.Metric);
        Assert.Equal(300u, row.ValidLifetime);
        Assert.Equal(300u, row.PreferredLifetime);
        Assert.False(row.Immortal);
        Assert.Equal(NlRouteProtocol.RouteProtocolIcmp, row.Protocol);
        Assert.Equal(NlRouteOrigin.NlroRouterAdvertisement, row.Origin);
        Assert.Equal(0, row.SitePrefixLength);
        Assert.Equal(0u, row.Age);
    }

    [Fact]
    public void AppendRows_LocalRoute_IsLoopback()
    {
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 32, RouteConstants.RTN_LOCAL, RouteConstants.RTPROT_KERNEL,
            (RouteConstants.RTA_DST, [192, 0, 2, 1]), (RouteConstants.RTA_OIF, [3, 0, 0, 0]));

        var row = Single(bytes, out _);

        Assert.True(row.Loopback);
        Assert.True(row.Immortal);
        Assert.Equal(uint.MaxValue, row.ValidLifetime);
        Assert.Equal("192.0.2.1/32", row.DestinationPrefix.ToString());
    }

    [Fact]
    public void AppendRows_RouteOfAnotherTable_AddsNothing()
    {
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT,
            (RouteConstants.RTA_DST, [203, 0, 113, 0]), (RouteConstants.RTA_TABLE, [100, 0, 0, 0]));
        using var rows = new MibTableBuilder<MibIpForwardRow2>();
        var unresolved = 0;

        Assert.True(RouteRowMapper.AppendRows(RouteMessageBytes.First(bytes), RouteTableSelection.Default, new RouteInterfaceMap(metrics: null), rows, ref unresolved));

        Assert.Equal(0, rows.Count);
    }

    [Fact]
    public void Fill_OverARowOfOldBytes_WritesEveryAddressByte()
    {
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT,
            (RouteConstants.RTA_DST, [203, 0, 113, 0]), (RouteConstants.RTA_GATEWAY, [192, 0, 2, 254]), (RouteConstants.RTA_OIF, [3, 0, 0, 0]));
        var row = default(MibIpForwardRow2);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<MibIpForwardRow2>(ref row)).Fill(0xAB);
        Assert.True(RouteMessage.TryDecode(RouteMessageBytes.First(bytes), out var route));
        var hops = route.NextHops;
        Assert.True(hops.MoveNext());

        RouteRowMapper.Fill(ref row, route, hops.Current, new RouteInterfaceMap(metrics: null));

        SockAddrInet.TryParse("203.0.113.0", out var prefix);
        SockAddrInet.TryParse("192.0.2.254", out var gateway);
        Assert.Equal(prefix, row.DestinationPrefix.Prefix);
        Assert.Equal(24, row.DestinationPrefix.PrefixLength);
        Assert.Equal(gateway, row.NextHop);
        Assert.Equal(3u, row.InterfaceIndex);
    }

    [Fact]
    public void AppendRows_MultipathRoute_GivesOneRowPerNextHop()
    {
        var multipath = new byte[2 * 16];
        for (var i = 0; i < 2; i++)
        {
            var hop = multipath.AsSpan(i * 16);
            BinaryPrimitives.WriteUInt16LittleEndian(hop, 16);
            BinaryPrimitives.WriteInt32LittleEndian(hop[4..], 5 + i);
            BinaryPrimitives.WriteUInt16LittleEndian(hop[8..], 8);
            BinaryPrimitives.WriteUInt16LittleEndian(hop[10..], RouteConstants.RTA_GATEWAY);
            byte[] address = [192, 0, 2, (byte)(10 + i)];
            address.CopyTo(hop[12..]);
        }
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BGP,
            (RouteConstants.RTA_DST, [198, 51, 100, 0]), (RouteConstants.RTA_PRIORITY, [20, 0, 0, 0]), (RouteConstants.RTA_MULTIPATH, multipath));
        using var rows = new MibTableBuilder<MibIpForwardRow2>();
        var unresolved = 0;

        Assert.True(RouteRowMapper.AppendRows(RouteMessageBytes.First(bytes), RouteTableSelection.Default, new RouteInterfaceMap(metrics: null), rows, ref unresolved));

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, unresolved);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("198.51.100.0/24", rows[i].DestinationPrefix.ToString());
            Assert.Equal($"192.0.2.{10 + i}", rows[i].NextHop.ToString());
            Assert.Equal((uint)(5 + i), rows[i].InterfaceIndex);
            Assert.Equal(20u, rows[i].Metric);
            Assert.Equal(NlRouteProtocol.RouteProtocolBgp, rows[i].Protocol);
        }
    }

    [Fact]
    public void AppendRows_AttributeRunningPastTheMessage_IsMalformedAndAddsNothing()
    {
        var bytes = RouteMessageBytes.Build(RouteConstants.AF_INET, 24, RouteConstants.RTN_UNICAST, RouteConstants.RTPROT_BOOT,
            (RouteConstants.RTA_DST, [203, 0, 113, 0]), (RouteConstants.RTA_OIF, [3, 0, 0, 0]));
        // The last attribute (RTA_OIF, 8 bytes) claims 12.
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(bytes.Length - 8), 12);
        using var rows = new MibTableBuilder<MibIpForwardRow2>();
        var unresolved = 0;

        Assert.False(RouteRowMapper.AppendRows(RouteMessageBytes.First(bytes), RouteTableSelection.Default, new RouteInterfaceMap(metrics: null), rows, ref unresolved));

        Assert.Equal(0, rows.Count);
    }

    [Theory]
    [InlineData(300u, 100u, 200u)]
    [InlineData(50u, 100u, 0u)]
    [InlineData(100u, 0u, 100u)]
    public void SubtractInterfaceMetric_NeverGoesBelowZero(uint priority, uint interfaceMetric, uint expected)
    {
        Assert.Equal(expected, RouteRowMapper.SubtractInterfaceMetric(priority, interfaceMetric));
    }

    private static MibIpForwardRow2 Single(byte[] bytes, out int unresolved)
    {
        using var rows = new MibTableBuilder<MibIpForwardRow2>();
        unresolved = 0;
        Assert.True(RouteRowMapper.AppendRows(RouteMessageBytes.First(bytes), RouteTableSelection.Default, new RouteInterfaceMap(metrics: null), rows, ref unresolved));
        Assert.Equal(1, rows.Count);
        return rows[0];
    }
}
