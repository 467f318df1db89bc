using System.Buffers.Binary;
using IpHelper.Linux;
using IpHelper.Linux.Genl;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Paths;

/// <summary>Route-exception and tcp_metrics messages as the kernel builds them, decoded; and the requests the path table sends.</summary>
public sealed class PathDecodingTests
{
    private static readonly byte[] s_destination = [198, 51, 100, 2];
    private static readonly byte[] s_gateway = [192, 0, 2, 2];

    [Fact]
    public void PathExceptionMessage_DecodesAPmtuException()
    {
        var bytes = Exception(flags: PathExceptionConstants.RTM_F_CLONED, mtu: 1300, expiresTicks: 59_900);

        var decoded = DecodeException(bytes);

        Assert.True(decoded.Ok);
        Assert.True(decoded.Cloned);
        Assert.Equal(LinuxFamily.AF_INET, decoded.Family);
        Assert.Equal("C6336402", decoded.Destination);
        Assert.Equal("C0000202", decoded.Gateway);
        Assert.Equal(2, decoded.OutputInterface);
        Assert.Equal(1300u, decoded.Mtu);
        Assert.Equal(59_900, decoded.Expires);
        Assert.Equal(254u, decoded.Table);
    }

    [Fact]
    public void PathExceptionMessage_FibRoute_IsNotCloned()
    {
        var decoded = DecodeException(Exception(flags: 0, mtu: 0, expiresTicks: 0));

        Assert.True(decoded.Ok);
        Assert.False(decoded.Cloned);
        Assert.Equal(0u, decoded.Mtu);
    }

    [Fact]
    public void PathExceptionMessage_MalformedMetrics_IsRejected()
    {
        var bytes = Exception(flags: PathExceptionConstants.RTM_F_CLONED, mtu: 1300, expiresTicks: 0);
        // The last attribute is RTA_METRICS with one RTAX_MTU inside: make the inner attribute claim too much.
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(bytes.Length - 8), 40);

        Assert.False(DecodeException(bytes).Ok);
    }

    [Fact]
    public void TcpMetricsMessage_DecodesAddressesAndRtt()
    {
        const ushort familyId = 0x1d;
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(familyId, 0);
        writer.Header<GenlMsgHdr>().Command = TcpMetricsConstants.TCP_METRICS_CMD_GET;
        writer.Put(TcpMetricsConstants.TCP_METRICS_ATTR_ADDR_IPV4, s_destination);
        writer.PutU64(TcpMetricsConstants.TCP_METRICS_ATTR_AGE, 520);
        var values = writer.BeginNested(TcpMetricsConstants.TCP_METRICS_ATTR_VALS);
        writer.PutU32(TcpMetricsConstants.TCP_METRIC_RTT_US, 46);
        writer.PutU32(TcpMetricsConstants.TCP_METRIC_RTT, 1);
        writer.PutU32(TcpMetricsConstants.TCP_METRIC_RTTVAR_US, 2300);
        writer.PutU32(TcpMetricsConstants.TCP_METRIC_RTTVAR, 2);
        writer.PutU32(4, 12);
        writer.EndNested(values);
        writer.Put(TcpMetricsConstants.TCP_METRICS_ATTR_SADDR_IPV4, [192, 0, 2, 1]);
        writer.EndMessage();

        foreach (var message in new NetlinkMessageEnumerator(writer.Written))
        {
            Assert.True(TcpMetricsMessage.TryDecode(message, familyId, out var metrics));
            Assert.Equal("C6336402", Convert.ToHexString(metrics.Destination));
            Assert.Equal("C0000201", Convert.ToHexString(metrics.Source));
            Assert.Equal(520ul, metrics.Age);
            Assert.Equal(1u, metrics.RttMs);
            Assert.Equal(2u, metrics.RttVarMs);
            Assert.Equal(46u, metrics.RttUs);
            Assert.Equal(2300u, metrics.RttVarUs);
            Assert.False(TcpMetricsMessage.TryDecode(message, familyId + 1, out _), "another family's message is not a tcp_metrics entry");
        }
    }

    [Fact]
    public void DumpExceptions_SetsRtmFCloned_AndNothingElse()
    {
        using var writer = new NetlinkMessageWriter();
        PathExceptionRequest.DumpExceptions(writer, LinuxFamily.AF_INET6);

        var header = Header(writer, out var attributes);

        Assert.Equal(LinuxFamily.AF_INET6, header.Family);
        Assert.Equal(PathExceptionConstants.RTM_F_CLONED, header.Flags);
        Assert.Equal(0, header.DstLen);
        Assert.Empty(attributes);
    }

    [Theory]
    [InlineData(false, 0u)]
    [InlineData(true, PathExceptionConstants.RTM_F_FIB_MATCH)]
    public void Lookup_HasFullLengthPrefixes_AsStrictCheckingRequires(bool fibMatch, uint expectedFlags)
    {
        using var writer = new NetlinkMessageWriter();
        PathExceptionRequest.Lookup(writer, LinuxFamily.AF_INET, s_destination, [192, 0, 2, 1], 5, fibMatch);

        var header = Header(writer, out var attributes);

        Assert.Equal(32, header.DstLen);
        Assert.Equal(32, header.SrcLen);
        Assert.Equal(expectedFlags, header.Flags);
        Assert.Equal(["1:C6336402", "2:C0000201", "4:05000000"], attributes);
    }

    [Fact]
    public void DeleteIpv6Exception_NamesTheCachedRouteLikeIproute2()
    {
        using var writer = new NetlinkMessageWriter();
        byte[] destination = [0x20, 0x01, 0x0D, 0xB8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
        byte[] gateway = [0x20, 0x01, 0x0D, 0xB8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
        PathExceptionRequest.DeleteIpv6Exception(writer, destination, gateway, 2, 254);

        var header = Header(writer, out var attributes);

        Assert.Equal(RtnlMessageType.RTM_DELROUTE, BinaryPrimitives.ReadUInt16LittleEndian(writer.Written[4..]));
        Assert.Equal(128, header.DstLen);
        Assert.Equal(254, header.Table);
        Assert.Equal(PathExceptionConstants.RTM_F_CLONED, header.Flags);
        Assert.Equal(["1:" + Convert.ToHexString(destination), "5:" + Convert.ToHexString(gateway), "4:02000000", "15:FE000000"], attributes);
    }

    private static byte[] Exception(uint flags, uint mtu, int expiresTicks)
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(RtnlMessageType.RTM_NEWROUTE, 0);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = LinuxFamily.AF_INET;
        header.DstLen = 32;
        header.Table = 254;
        header.Type = PathExceptionConstants.RTN_UNICAST;
        header.Flags = flags;
        writer.PutU32(PathExceptionConstants.RTA_TABLE, 254);
        writer.Put(PathExceptionConstants.RTA_DST, s_destination);
        writer.PutU32(PathExceptionConstants.RTA_OIF, 2);
        writer.Put(PathExceptionConstants.RTA_GATEWAY, s_gateway);
        Span<byte> cacheInfo = stackalloc byte[32];
        cacheInfo.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(cacheInfo[8..], expiresTicks);
        writer.Put(PathExceptionConstants.RTA_CACHEINFO, cacheInfo);
        if (mtu != 0)
        {
            var metrics = writer.BeginNested(PathExceptionConstants.RTA_METRICS);
            writer.PutU32(PathExceptionConstants.RTAX_MTU, mtu);
            writer.EndNested(metrics);
        }
        writer.EndMessage();
        return writer.Written.ToArray();
    }

    private readonly record struct DecodedException(bool Ok, bool Cloned, byte Family, string Destination, string Gateway,
        int OutputInterface, uint Mtu, int Expires, uint Table);

    private static DecodedException DecodeException(byte[] bytes)
    {
        foreach (var message in new NetlinkMessageEnumerator(bytes))
        {
            if (!PathExceptionMessage.TryDecode(message, out var path)) return default;
            return new DecodedException(true, path.IsCloned, path.Family, Convert.ToHexString(path.Destination), Convert.ToHexString(path.Gateway),
                path.OutputInterface, path.Mtu, path.Expires, path.Table);
        }
        throw new InvalidOperationException("no message");
    }

    private static RtMsg Header(NetlinkMessageWriter writer, out string[] attributes)
    {
        foreach (var message in new NetlinkMessageEnumerator(writer.Written))
        {
            Assert.True(message.TryReadHeader(out RtMsg header));
            var list = new List<string>();
            foreach (var attribute in message.Attributes(12)) list.Add($"{attribute.Type}:{Convert.ToHexString(attribute.Value)}");
            attributes = list.ToArray();
            return header;
        }
        throw new InvalidOperationException("no message written");
    }
}
