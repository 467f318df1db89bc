using System.Buffers.Binary;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using IpHelper.Tests.Unit.Netlink;
using Xunit;

namespace IpHelper.Tests.Unit.IpInterfaces;

/// <summary>
/// LinkAfSpec (IFLA_AF_SPEC of RTM_NEWLINK) on the link messages the kernel sent (TestData/netlink,
/// whose manifest counts the devconf entries independently), and on blocks built here.
/// </summary>
public sealed class LinkAfSpecTests
{
    [Theory]
    [MemberData(nameof(CapturedNetlink.LinkFiles), MemberType = typeof(CapturedNetlink))]
    public void TryDecode_CapturedLinks_FindsBothFamiliesWithTheirArrays(string file)
    {
        var expected = CapturedNetlink.Entry(file).GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("link", out _))
            .ToDictionary(m => m.GetProperty("link").GetProperty("ifindex").GetInt32(), m => m.GetProperty("link"));
        var messages = new NetlinkMessageEnumerator(CapturedNetlink.Bytes(file));
        var decoded = 0;
        while (messages.MoveNext())
        {
            if (!LinkMessage.TryDecode(messages.Current, out var link)) continue;
            Assert.True(LinkAfSpec.TryDecode(link.AfSpec, out var spec));
            var oracle = expected[link.Index];
            var inetEntries = oracle.GetProperty("inet_conf_entries").GetInt32();
            var inet6Entries = oracle.GetProperty("inet6_conf_entries").GetInt32();
            Assert.Equal(inetEntries > 0, spec.HasInet);
            Assert.Equal(inetEntries * 4, spec.InetConf.Length);
            Assert.Equal(inet6Entries > 0, spec.HasInet6);
            Assert.Equal(inet6Entries * 4, spec.Inet6Conf.Length);
            // The IPv6 MTU of an interface nobody changed is its device MTU.
            if (inet6Entries > 0) Assert.Equal((int)oracle.GetProperty("mtu").GetUInt32(), spec.Inet6(DevConf.Ipv6Mtu));
            Assert.Null(spec.Inet6(inet6Entries));
            Assert.Null(spec.Inet(inetEntries));
            decoded++;
        }
        Assert.Equal(expected.Count, decoded);
    }

    [Fact]
    public void TryDecode_BuiltBlock_ReadsEveryAttributeItUses()
    {
        var afSpec = Build(writer =>
        {
            var inet = writer.BeginNested(2);
            writer.Put(1, Values(7, 0, 0));
            writer.EndNested(inet);
            var inet6 = writer.BeginNested(10);
            writer.PutU32(1, 0x800000C0);
            writer.Put(2, Values(1, 64, 1400, 2));
            writer.Put(7, [.. new byte[8], 1, 2, 3, 4, 5, 6, 7, 8]);
            writer.PutU8(8, 3);
            writer.EndNested(inet6);
        });

        Assert.True(LinkAfSpec.TryDecode(afSpec, out var spec));
        Assert.True(spec.HasInet);
        Assert.Equal(7u, spec.Inet(DevConf.Ipv4Forwarding));
        Assert.True(spec.HasInet6);
        Assert.Equal(0x800000C0u, spec.Inet6Flags);
        Assert.Equal(1400, spec.Inet6(DevConf.Ipv6Mtu));
        Assert.Equal(2, spec.Inet6(DevConf.Ipv6AcceptRa));
        Assert.Null(spec.Inet6(DevConf.Ipv6DadTransmits));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], spec.Token[8..].ToArray());
        Assert.Equal(3, spec.AddrGenMode);
    }

    [Fact]
    public void TryDecode_NoBlock_HasNeitherFamily()
    {
        Assert.True(LinkAfSpec.TryDecode(default, out var spec));
        Assert.False(spec.HasInet);
        Assert.False(spec.HasInet6);
        Assert.Equal(-1, spec.AddrGenMode);
    }

    [Fact]
    public void TryDecode_TruncatedFamilyBlock_IsMalformed()
    {
        var afSpec = Build(writer =>
        {
            var inet6 = writer.BeginNested(10);
            writer.Put(2, Values(1, 2, 3));
            writer.EndNested(inet6);
        });
        // Claim a longer inner attribute than the block holds.
        BinaryPrimitives.WriteUInt16LittleEndian(afSpec.AsSpan(4), 200);

        Assert.False(LinkAfSpec.TryDecode(afSpec, out _));
    }

    private static byte[] Values(params int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    /// <summary>The attributes <paramref name="write"/> puts after a 16-byte header, without the header.</summary>
    private static byte[] Build(Action<NetlinkMessageWriter> write)
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(16, 0);
        write(writer);
        writer.EndMessage();
        return writer.Written[NetlinkConstants.HeaderLength..].ToArray();
    }
}
