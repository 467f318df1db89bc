using System.Buffers.Binary;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using IpHelper.Tests.Unit.Netlink;
using Xunit;

namespace IpHelper.Tests.Unit.Neighbors;

public sealed class NeighborRequestTests
{
    [Fact]
    public void Dump_AllFamilies_IsTheRequestIproute2Sends()
    {
        using var writer = new NetlinkMessageWriter();
        NeighborRequest.Dump(writer, LinuxFamily.AF_UNSPEC, 0);
        var captured = CapturedNetlink.FromHex(CapturedNetlink.Entry("neigh-dump-001.bin").GetProperty("request").GetProperty("bytes_hex").GetString()!);
        var ours = writer.Written.ToArray();
        // The socket adds NLM_F_DUMP and the sequence number when it sends.
        BinaryPrimitives.WriteUInt16LittleEndian(ours.AsSpan(6), (ushort)(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP));
        BinaryPrimitives.WriteUInt32LittleEndian(ours.AsSpan(8), BinaryPrimitives.ReadUInt32LittleEndian(captured.AsSpan(8)));

        Assert.Equal(captured, ours);
    }

    [Fact]
    public void Dump_OneInterface_AsksTheKernelToFilterByNdaIfindex()
    {
        using var writer = new NetlinkMessageWriter();
        NeighborRequest.Dump(writer, LinuxFamily.AF_INET6, 7);

        var (header, attributes) = Parse(writer);

        Assert.Equal(LinuxFamily.AF_INET6, header.Family);
        Assert.Equal(0, header.IfIndex);
        Assert.Equal([(NeighborConstants.NDA_IFINDEX, "07000000")], attributes);
    }

    [Fact]
    public void Probe_AsksForAnImmediateSolicitation_WithoutMakingTheEntryPermanent()
    {
        using var writer = new NetlinkMessageWriter();
        NeighborRequest.Probe(writer, LinuxFamily.AF_INET, 3, [192, 0, 2, 7]);

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(writer.Written[6..]);
        var (header, attributes) = Parse(writer);

        Assert.Equal(RtnlMessageType.RTM_NEWNEIGH, BinaryPrimitives.ReadUInt16LittleEndian(writer.Written[4..]));
        Assert.Equal(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_REPLACE, flags);
        Assert.Equal(NeighborConstants.NTF_USE, header.Flags);
        Assert.Equal(NeighborConstants.NUD_NONE, header.State);
        Assert.Equal(3, header.IfIndex);
        Assert.Equal([(NeighborConstants.NDA_DST, "C0000207")], attributes);
    }

    [Theory]
    [InlineData(true, NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_EXCL)]
    [InlineData(false, NetlinkConstants.NLM_F_REPLACE)]
    public void Write_CreateIsExclusive_AndSetNeverCreates(bool create, int expectedFlags)
    {
        using var writer = new NetlinkMessageWriter();
        NeighborRequest.Write(writer, create, LinuxFamily.AF_INET, 3, [192, 0, 2, 7], [2, 0, 0, 0, 0, 7],
            NeighborConstants.NUD_PERMANENT, NeighborConstants.NTF_ROUTER);

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(writer.Written[6..]);
        var (header, attributes) = Parse(writer);

        Assert.Equal(NetlinkConstants.NLM_F_REQUEST | expectedFlags, flags);
        Assert.Equal(NeighborConstants.NUD_PERMANENT, header.State);
        Assert.Equal(NeighborConstants.NTF_ROUTER, header.Flags);
        Assert.Equal([(NeighborConstants.NDA_DST, "C0000207"), (NeighborConstants.NDA_LLADDR, "020000000007")], attributes);
    }

    [Fact]
    public void Delete_NamesTheEntryByInterfaceAndAddress()
    {
        using var writer = new NetlinkMessageWriter();
        byte[] address = [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
        NeighborRequest.Delete(writer, LinuxFamily.AF_INET6, 4, address);

        var (header, attributes) = Parse(writer);

        Assert.Equal(RtnlMessageType.RTM_DELNEIGH, BinaryPrimitives.ReadUInt16LittleEndian(writer.Written[4..]));
        Assert.Equal(4, header.IfIndex);
        Assert.Equal([(NeighborConstants.NDA_DST, Convert.ToHexString(address))], attributes);
    }

    private static (NdMsg Header, (ushort Type, string Value)[] Attributes) Parse(NetlinkMessageWriter writer)
    {
        foreach (var message in new NetlinkMessageEnumerator(writer.Written))
        {
            Assert.True(message.TryReadHeader(out NdMsg header));
            var attributes = new List<(ushort, string)>();
            foreach (var attribute in message.Attributes(12)) attributes.Add((attribute.Type, Convert.ToHexString(attribute.Value)));
            return (header, attributes.ToArray());
        }
        throw new InvalidOperationException("no message written");
    }
}
