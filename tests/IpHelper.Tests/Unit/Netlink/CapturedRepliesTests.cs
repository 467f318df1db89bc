using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Netlink;

/// <summary>
/// Decodes the real kernel replies in TestData/netlink and compares every field with manifest.json,
/// which the capture tool decoded on its own (Python, no shared code).
/// </summary>
public sealed class CapturedRepliesTests
{
    [Theory]
    [MemberData(nameof(CapturedNetlink.AllFiles), MemberType = typeof(CapturedNetlink))]
    public void MessageEnumerator_WalksEveryCapturedDatagram_LikeTheManifest(string file)
    {
        var entry = CapturedNetlink.Entry(file);
        var bytes = CapturedNetlink.Bytes(file);
        Assert.Equal(entry.GetProperty("size").GetInt32(), bytes.Length);
        var expected = entry.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(entry.GetProperty("message_count").GetInt32(), expected.Length);

        var count = 0;
        var messages = new NetlinkMessageEnumerator(bytes);
        while (messages.MoveNext())
        {
            Assert.True(count < expected.Length, $"{file}: more messages than the manifest lists");
            var message = messages.Current;
            var want = expected[count];
            Assert.Equal(want.GetProperty("type").GetUInt16(), message.Type);
            Assert.Equal(want.GetProperty("flags").GetUInt16(), message.Flags);
            Assert.Equal(want.GetProperty("seq").GetUInt32(), message.Sequence);
            Assert.Equal(want.GetProperty("pid").GetUInt32(), message.PortId);
            Assert.Equal(CapturedNetlink.PortId, message.PortId);
            Assert.Equal(want.GetProperty("len").GetInt32() - NetlinkConstants.HeaderLength, message.Payload.Length);
            // The payload is a view of the datagram at offset + 16, not a copy.
            var offset = want.GetProperty("offset").GetInt32();
            Assert.True(SpanTools.AreSame(bytes, offset + NetlinkConstants.HeaderLength, message.Payload));
            count++;
        }
        Assert.False(messages.Malformed, $"{file}: the enumerator flagged a well-formed kernel datagram");
        Assert.Equal(expected.Length, count);
    }

    [Theory]
    [MemberData(nameof(CapturedNetlink.LinkFiles), MemberType = typeof(CapturedNetlink))]
    public void LinkMessage_DecodesEveryCapturedLink_LikeTheManifest(string file)
    {
        var entry = CapturedNetlink.Entry(file);
        var expected = entry.GetProperty("messages").EnumerateArray().ToArray();
        var index = 0;
        var links = 0;
        foreach (var message in new NetlinkMessageEnumerator(CapturedNetlink.Bytes(file)))
        {
            var want = expected[index++];
            if (!want.TryGetProperty("link", out var link))
            {
                Assert.NotEqual(RtnlMessageType.RTM_NEWLINK, message.Type);
                Assert.False(LinkMessage.TryDecode(message, out _), "only RTM_NEWLINK decodes as a link");
                continue;
            }
            links++;
            Assert.True(LinkMessage.TryDecode(message, out var decoded), $"{file}: link #{index - 1} did not decode");
            var name = link.GetProperty("ifname").GetString();
            Assert.Equal(link.GetProperty("ifindex").GetInt32(), decoded.Index);
            Assert.Equal(name, Encoding.UTF8.GetString(decoded.Name));
            Assert.Equal(link.GetProperty("mtu").GetUInt32(), decoded.Mtu);
            Assert.Equal(CapturedNetlink.StringOrNull(link, "address") ?? "", CapturedNetlink.Mac(decoded.Address));
            Assert.Equal(CapturedNetlink.StringOrNull(link, "broadcast") ?? "", CapturedNetlink.Mac(decoded.Broadcast));
            Assert.Equal(link.GetProperty("operstate_value").GetByte(), decoded.OperState);
            Assert.Equal(CapturedNetlink.StringOrNull(link, "kind") ?? "", Encoding.UTF8.GetString(decoded.Kind));
            Assert.Equal(CapturedNetlink.StringOrNull(link, "slave_kind") ?? "", Encoding.UTF8.GetString(decoded.SlaveKind));
            Assert.Equal(CapturedNetlink.IntOr(link, "link", -1), decoded.Link);
            Assert.Equal(CapturedNetlink.IntOr(link, "link_netnsid", -1), decoded.LinkNetnsId);
            Assert.Equal(CapturedNetlink.IntOr(link, "master", 0), decoded.Master);
            Assert.Equal(link.GetProperty("txqlen").GetUInt32(), decoded.TxQueueLength);
            Assert.Equal(link.GetProperty("type").GetUInt16(), decoded.HardwareType);
            Assert.Equal(link.GetProperty("flags").GetUInt32(), decoded.Flags);

            var stats = link.GetProperty("stats64");
            Assert.True(decoded.Stats.Present, $"{name}: IFLA_STATS64 missing");
            Assert.Equal(stats.GetProperty("rx_packets").GetUInt64(), decoded.Stats.RxPackets);
            Assert.Equal(stats.GetProperty("tx_packets").GetUInt64(), decoded.Stats.TxPackets);
            Assert.Equal(stats.GetProperty("rx_bytes").GetUInt64(), decoded.Stats.RxBytes);
            Assert.Equal(stats.GetProperty("tx_bytes").GetUInt64(), decoded.Stats.TxBytes);
            Assert.Equal(stats.GetProperty("rx_errors").GetUInt64(), decoded.Stats.RxErrors);
            Assert.Equal(stats.GetProperty("tx_errors").GetUInt64(), decoded.Stats.TxErrors);
            Assert.Equal(stats.GetProperty("rx_dropped").GetUInt64(), decoded.Stats.RxDropped);
            Assert.Equal(stats.GetProperty("tx_dropped").GetUInt64(), decoded.Stats.TxDropped);

            // vx0 has no IFLA_LINK: its lower device is IFLA_VXLAN_LINK inside IFLA_INFO_DATA.
            var vxlanLink = link.TryGetProperty("vxlan", out var vxlan) ? vxlan.GetProperty("link").GetInt32() : 0;
            Assert.Equal(vxlanLink, decoded.VxlanLink);

            // The attribute walk sees the same top-level attribute types, in the same order, including
            // the ones newer than the 6.1 headers (62-69), which the decoder must skip.
            var types = new List<int>();
            foreach (var attribute in message.Attributes(SpanTools.SizeOf<IfInfoMsg>())) types.Add(attribute.Type);
            Assert.Equal(link.GetProperty("attr_types").EnumerateArray().Select(t => t.GetInt32()), types);
        }
        Assert.Equal(expected.Length, index);
        if (file != "link-dump-004.bin" && file != "link-get-missing.bin") Assert.True(links > 0);
    }

    [Fact]
    public void LinkDump_AcrossAllBuffers_HasEveryLinkOfTheTopologyOnce()
    {
        var names = new List<string>();
        var done = 0;
        foreach (var file in new[] { "link-dump-001.bin", "link-dump-002.bin", "link-dump-003.bin", "link-dump-004.bin" })
        {
            foreach (var message in new NetlinkMessageEnumerator(CapturedNetlink.Bytes(file)))
            {
                if (message.Type == NetlinkConstants.NLMSG_DONE)
                {
                    done++;
                    Assert.Equal(0, message.ErrorCode);
                }
                else if (LinkMessage.TryDecode(message, out var link)) names.Add(Encoding.UTF8.GetString(link.Name));
            }
        }
        Assert.Equal(1, done);
        Assert.Equal(["lo", "veth0", "br0", "vethb0", "mv0", "vx0", "tun0", "ifb0"], names);
    }

    [Theory]
    [MemberData(nameof(CapturedNetlink.AllFiles), MemberType = typeof(CapturedNetlink))]
    public void ErrorAndDoneMessages_GiveTheManifestErrnoAndExtendedAck(string file)
    {
        var entry = CapturedNetlink.Entry(file);
        var expected = entry.GetProperty("messages").EnumerateArray().ToArray();
        var index = 0;
        foreach (var message in new NetlinkMessageEnumerator(CapturedNetlink.Bytes(file)))
        {
            var want = expected[index++];
            var extAck = want.TryGetProperty("ext_ack", out var e) && e.ValueKind != JsonValueKind.Null ? e : (JsonElement?)null;
            var wantText = extAck is { } x ? CapturedNetlink.StringOrNull(x, "msg") : null;
            if (message.Type == NetlinkConstants.NLMSG_ERROR)
            {
                var error = NetlinkError.Parse(message);
                Assert.Equal(want.GetProperty("errno").GetInt32(), error.Errno);
                Assert.Equal(-want.GetProperty("error").GetInt32(), message.ErrorCode);
                Assert.Equal(error.Errno != 0, error.Failed);
                Assert.Equal(wantText, error.Message);
                Assert.Equal(extAck is { } y ? CapturedNetlink.IntOr(y, "offset", -1) : -1, error.AttributeOffset);
                Assert.Equal(want.GetProperty("capped").GetBoolean(), (message.Flags & NetlinkConstants.NLM_F_CAPPED) != 0);
                Assert.Equal(want.GetProperty("ack_tlvs").GetBoolean(), (message.Flags & NetlinkConstants.NLM_F_ACK_TLVS) != 0);
                if (error.Errno != 0) Assert.Equal(Errno.ToStatus(error.Errno), error.Status);
                else Assert.Equal(NetIoStatus.Success, error.Status);
            }
            else if (message.Type == NetlinkConstants.NLMSG_DONE)
            {
                // A dump's status: 0, or (strict-check rejection) the negative errno followed by ack TLVs.
                Assert.Equal(-want.GetProperty("error").GetInt32(), message.ErrorCode);
                Assert.Equal(want.GetProperty("ack_tlvs").GetBoolean(), (message.Flags & NetlinkConstants.NLM_F_ACK_TLVS) != 0);
                string? text = null;
                var tlvs = new List<int>();
                if (message.Payload.Length > 4)
                {
                    var attributes = new NetlinkAttributeEnumerator(message.Payload[4..]);
                    while (attributes.MoveNext())
                    {
                        tlvs.Add(attributes.Current.Type);
                        if (attributes.Current.Type == NetlinkConstants.NLMSGERR_ATTR_MSG) text = attributes.Current.GetString();
                    }
                    Assert.False(attributes.Malformed);
                }
                Assert.Equal(wantText, text);
                if (extAck is { } z) Assert.Equal(z.GetProperty("tlv_types").EnumerateArray().Select(t => t.GetInt32()), tlvs);
            }
        }
        Assert.Equal(expected.Length, index);
    }

    [Fact]
    public void ErrorWithOffset_PointsAtTheOffendingAttributeOfTheRequest()
    {
        var entry = CapturedNetlink.Entry("error-extack-newroute-short-dst.bin");
        var request = CapturedNetlink.FromHex(entry.GetProperty("request").GetProperty("bytes_hex").GetString()!);
        var enumerator = new NetlinkMessageEnumerator(CapturedNetlink.Bytes("error-extack-newroute-short-dst.bin"));
        Assert.True(enumerator.MoveNext());
        var error = NetlinkError.Parse(enumerator.Current);
        Assert.Equal(Errno.ERANGE, error.Errno);
        Assert.Equal(28, error.AttributeOffset);
        // The offset is from the start of our request: the 2-byte RTA_DST (nla_len 6, type 1).
        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(error.AttributeOffset)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(request.AsSpan(error.AttributeOffset + 2)));
        Assert.Equal(NetIoStatus.InvalidParameter, error.Status);
        Assert.Equal("ERANGE: Attribute failed policy validation", error.ToString());
    }

    // ---- requests: NetlinkMessageWriter against the bytes the capture tool sent ----

    [Theory]
    [MemberData(nameof(CapturedNetlink.AllFiles), MemberType = typeof(CapturedNetlink))]
    public void Writer_ReproducesEveryCapturedRequest_ByteForByte(string file)
    {
        var request = CapturedNetlink.Entry(file).GetProperty("request");
        var expected = CapturedNetlink.FromHex(request.GetProperty("bytes_hex").GetString()!);
        using var writer = new NetlinkMessageWriter();
        WriteCapturedRequest(writer, file, request.GetProperty("flags").GetUInt16());
        Assert.Equal(1, writer.MessageCount);
        // The writer leaves the sequence number 0 (NetlinkSocket stamps it when sending): stamp the capture's.
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(writer.Written[8..]));
        BinaryPrimitives.WriteUInt32LittleEndian(writer.WrittenMutable[8..], request.GetProperty("seq").GetUInt32());
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(writer.Written));
    }

    [Fact]
    public void LinkRequestDump_MatchesTheCapturedDump_ExceptSequenceFlagsAndExtMask()
    {
        var request = CapturedNetlink.Entry("link-dump-001.bin").GetProperty("request");
        var expected = CapturedNetlink.FromHex(request.GetProperty("bytes_hex").GetString()!);
        using var writer = new NetlinkMessageWriter();
        LinkRequest.Dump(writer, withStatistics: true);
        var actual = writer.Written.ToArray();
        Assert.Equal(expected.Length, actual.Length);

        // What differs, and why:
        //  - nlmsg_flags: LinkRequest writes only NLM_F_REQUEST; NetlinkSocket.Dump adds NLM_F_DUMP (0x300)
        //    before sending, which gives the capture's 0x301.
        //  - nlmsg_seq: 0 here; NetlinkSocket stamps its own sequence number (the capture used 1000).
        //  - the IFLA_EXT_MASK value: the capture asked for RTEXT_FILTER_VF (1); LinkRequest asks for 0
        //    (statistics come with or without RTEXT_FILTER_VF; VF info is not used), or
        //    RTEXT_FILTER_SKIP_STATS (8) when statistics are not wanted.
        Assert.Equal(NetlinkConstants.NLM_F_REQUEST, BinaryPrimitives.ReadUInt16LittleEndian(actual.AsSpan(6)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(actual.AsSpan(8)));
        Assert.Equal(LinkConstants.RTEXT_FILTER_VF, BinaryPrimitives.ReadUInt32LittleEndian(expected.AsSpan(36)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(actual.AsSpan(36)));
        BinaryPrimitives.WriteUInt16LittleEndian(actual.AsSpan(6), (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP));
        BinaryPrimitives.WriteUInt32LittleEndian(actual.AsSpan(8), 1000);
        BinaryPrimitives.WriteUInt32LittleEndian(actual.AsSpan(36), LinkConstants.RTEXT_FILTER_VF);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));

        writer.Clear();
        LinkRequest.Dump(writer, withStatistics: false);
        Assert.Equal(LinkConstants.RTEXT_FILTER_SKIP_STATS, BinaryPrimitives.ReadUInt32LittleEndian(writer.Written[36..]));
    }

    [Theory]
    [InlineData("link-get-veth0.bin", 2)]
    [InlineData("link-get-missing.bin", 9999)]
    public void LinkRequestGet_MatchesTheCapturedGet_ExceptSequenceAndExtMask(string file, int ifindex)
    {
        var request = CapturedNetlink.Entry(file).GetProperty("request");
        var expected = CapturedNetlink.FromHex(request.GetProperty("bytes_hex").GetString()!);
        using var writer = new NetlinkMessageWriter();
        LinkRequest.Get(writer, ifindex, name: null, withStatistics: true);
        var actual = writer.Written.ToArray();
        // Same differences as the dump, except the flags: the capture sent a bare NLM_F_REQUEST, which
        // is what LinkRequest writes (NetlinkSocket.Execute adds NLM_F_ACK when sending).
        Assert.Equal(request.GetProperty("flags").GetUInt16(), BinaryPrimitives.ReadUInt16LittleEndian(actual.AsSpan(6)));
        BinaryPrimitives.WriteUInt32LittleEndian(actual.AsSpan(8), request.GetProperty("seq").GetUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(actual.AsSpan(36), LinkConstants.RTEXT_FILTER_VF);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }

    [Fact]
    public void LinkRequestGet_ByName_SendsIfNameOrAltIfName()
    {
        using var writer = new NetlinkMessageWriter();
        LinkRequest.Get(writer, 0, "veth0", withStatistics: false);
        var message = Single(writer.Written);
        Assert.Equal(RtnlMessageType.RTM_GETLINK, message.Type);
        Assert.True(message.TryReadHeader(out IfInfoMsg header));
        Assert.Equal(0, header.Index);
        var attributes = message.Attributes(SpanTools.SizeOf<IfInfoMsg>());
        Assert.True(attributes.MoveNext());
        Assert.Equal(LinkConstants.IFLA_IFNAME, attributes.Current.Type);
        Assert.Equal("veth0\0"u8.ToArray(), attributes.Current.Value.ToArray());
        Assert.True(attributes.MoveNext());
        Assert.Equal(LinkConstants.IFLA_EXT_MASK, attributes.Current.Type);
        Assert.False(attributes.MoveNext());

        writer.Clear();
        var longName = "a-name-longer-than-ifnamsiz";
        LinkRequest.Get(writer, 0, longName, withStatistics: false);
        attributes = Single(writer.Written).Attributes(SpanTools.SizeOf<IfInfoMsg>());
        Assert.True(attributes.MoveNext());
        Assert.Equal(LinkConstants.IFLA_ALT_IFNAME, attributes.Current.Type);
        Assert.Equal(longName, attributes.Current.GetString());
    }

    private static NetlinkMessage Single(ReadOnlySpan<byte> bytes)
    {
        var messages = new NetlinkMessageEnumerator(bytes);
        Assert.True(messages.MoveNext());
        var message = messages.Current;
        Assert.False(messages.MoveNext());
        Assert.False(messages.Malformed);
        return message;
    }

    /// <summary>Writes, with NetlinkMessageWriter and local kernel structs, the request the capture tool sent for <paramref name="file"/>.</summary>
    private static void WriteCapturedRequest(NetlinkMessageWriter writer, string file, ushort flags)
    {
        const ushort IFA_ADDRESS = 1, IFA_LOCAL = 2, RTA_DST = 1, RTA_OIF = 4, NDA_DST = 1;
        const byte AF_INET = 2, AF_INET6 = 10, RT_TABLE_MAIN = 254, RTPROT_STATIC = 4, RT_SCOPE_LINK = 253, RTN_UNICAST = 1;
        switch (file)
        {
            case var f when f.StartsWith("link-dump-", StringComparison.Ordinal):
                writer.BeginMessage(RtnlMessageType.RTM_GETLINK, flags);
                writer.Header<IfInfoMsg>();
                writer.PutU32(LinkConstants.IFLA_EXT_MASK, LinkConstants.RTEXT_FILTER_VF);
                break;
            case "link-get-veth0.bin":
            case "link-get-missing.bin":
                writer.BeginMessage(RtnlMessageType.RTM_GETLINK, flags);
                writer.Header<IfInfoMsg>().Index = file == "link-get-veth0.bin" ? 2 : 9999;
                writer.PutU32(LinkConstants.IFLA_EXT_MASK, LinkConstants.RTEXT_FILTER_VF);
                break;
            case var f when f.StartsWith("addr-dump-", StringComparison.Ordinal):
                writer.BeginMessage(RtnlMessageType.RTM_GETADDR, flags);
                writer.Header<IfAddrMsg>();
                break;
            case var f when f.StartsWith("route4-dump-", StringComparison.Ordinal):
                writer.BeginMessage(RtnlMessageType.RTM_GETROUTE, flags);
                writer.Header<RtMsg>().Family = AF_INET;
                break;
            case var f when f.StartsWith("route6-dump-", StringComparison.Ordinal):
                writer.BeginMessage(RtnlMessageType.RTM_GETROUTE, flags);
                writer.Header<RtMsg>().Family = AF_INET6;
                break;
            case var f when f.StartsWith("neigh-dump-", StringComparison.Ordinal):
                writer.BeginMessage(RtnlMessageType.RTM_GETNEIGH, flags);
                writer.Header<NdMsg>();
                break;
            case "error-extack-newaddr-prefixlen33.bin":
            {
                writer.BeginMessage(RtnlMessageType.RTM_NEWADDR, flags);
                ref var ifa = ref writer.Header<IfAddrMsg>();
                ifa.Family = AF_INET;
                ifa.PrefixLength = 33;
                ifa.Index = 2;
                writer.Put(IFA_LOCAL, [198, 51, 100, 9]);
                writer.Put(IFA_ADDRESS, [198, 51, 100, 9]);
                break;
            }
            case "error-extack-newroute-oif9999.bin":
            case "error-extack-newroute-short-dst.bin":
            case "ack-ok.bin":
            {
                writer.BeginMessage(RtnlMessageType.RTM_NEWROUTE, flags);
                ref var rtm = ref writer.Header<RtMsg>();
                rtm.Family = AF_INET;
                rtm.Table = RT_TABLE_MAIN;
                rtm.Protocol = RTPROT_STATIC;
                rtm.Scope = RT_SCOPE_LINK;
                rtm.Type = RTN_UNICAST;
                switch (file)
                {
                    case "error-extack-newroute-oif9999.bin":
                        rtm.DstLength = 26;
                        writer.Put(RTA_DST, [203, 0, 113, 64]);
                        writer.PutU32(RTA_OIF, 9999);
                        break;
                    case "error-extack-newroute-short-dst.bin":
                        rtm.DstLength = 24;
                        writer.Put(RTA_DST, [203, 0]); // 2 bytes: the kernel's policy wants 4
                        writer.PutU32(RTA_OIF, 2);
                        break;
                    default:
                        rtm.DstLength = 25;
                        writer.Put(RTA_DST, [192, 0, 2, 128]);
                        writer.PutU32(RTA_OIF, 3);
                        break;
                }
                break;
            }
            case "error-extack-newroute6-oif9999.bin":
            {
                writer.BeginMessage(RtnlMessageType.RTM_NEWROUTE, flags);
                ref var rtm = ref writer.Header<RtMsg>();
                rtm.Family = AF_INET6;
                rtm.DstLength = 64;
                rtm.Table = RT_TABLE_MAIN;
                rtm.Protocol = RTPROT_STATIC;
                rtm.Type = RTN_UNICAST;
                writer.Put(RTA_DST, System.Net.IPAddress.Parse("2001:db8:77::").GetAddressBytes());
                writer.PutU32(RTA_OIF, 9999);
                break;
            }
            case "error-extack-addr-dump-bad-header.bin":
            {
                writer.BeginMessage(RtnlMessageType.RTM_GETADDR, flags);
                ref var ifa = ref writer.Header<IfAddrMsg>();
                ifa.Family = AF_INET;
                ifa.PrefixLength = 8; // strict checking wants 0 in a dump request
                break;
            }
            case "error-extack-neigh-dump-bad-attr.bin":
                writer.BeginMessage(RtnlMessageType.RTM_GETNEIGH, flags);
                writer.Header<NdMsg>().Family = AF_INET;
                writer.Put(NDA_DST, [198, 51, 100, 2]); // not a valid dump filter
                break;
            default:
                Assert.Fail($"no request writer for {file}");
                break;
        }
        writer.EndMessage();
    }

    /// <summary>struct ifaddrmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct IfAddrMsg
    {
        public byte Family, PrefixLength, Flags, Scope;
        public int Index;
    }

    /// <summary>struct rtmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RtMsg
    {
        public byte Family, DstLength, SrcLength, Tos, Table, Protocol, Scope, Type;
        public uint Flags;
    }

    /// <summary>struct ndmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NdMsg
    {
        public byte Family, Pad1;
        public ushort Pad2;
        public int Index;
        public ushort State;
        public byte Flags, Type;
    }
}

/// <summary>Tiny span helpers for the tests.</summary>
internal static class SpanTools
{
    public static int SizeOf<T>() where T : unmanaged => System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    /// <summary>True when <paramref name="view"/> starts at <paramref name="array"/>[<paramref name="offset"/>].</summary>
    public static bool AreSame(byte[] array, int offset, ReadOnlySpan<byte> view) =>
        view.IsEmpty || System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.CompilerServices.Unsafe.AsRef(in view[0]), ref array[offset]);
}
