using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using IpHelper.Tests.Unit.Netlink;
using Xunit;

namespace IpHelper.Tests.Unit.Neighbors;

/// <summary>
/// Decodes the captured RTM_GETNEIGH dump (TestData/netlink/neigh-dump-001.bin) into NeighborMessage
/// and MIB_IPNET_ROW2 and compares every field with the manifest, decoded independently in Python.
/// </summary>
public sealed class NeighborDecodingTests
{
    private const string DumpFile = "neigh-dump-001.bin";

    private static JsonElement[] ExpectedMessages() =>
        CapturedNetlink.Entry(DumpFile).GetProperty("messages").EnumerateArray().ToArray();

    [Fact]
    public void NeighborMessage_DecodesEveryCapturedEntry_LikeTheManifest()
    {
        var expected = ExpectedMessages();
        var index = 0;
        var decodedCount = 0;
        foreach (var message in new NetlinkMessageEnumerator(CapturedNetlink.Bytes(DumpFile)))
        {
            var want = expected[index++];
            if (!want.TryGetProperty("neigh", out var neigh))
            {
                Assert.False(NeighborMessage.TryDecode(message, out _));
                continue;
            }
            Assert.True(NeighborMessage.TryDecode(message, out var decoded));
            decodedCount++;
            Assert.Equal(neigh.GetProperty("family").GetByte(), decoded.Family);
            Assert.Equal(neigh.GetProperty("ifindex").GetInt32(), decoded.IfIndex);
            Assert.Equal(neigh.GetProperty("state").GetUInt16(), decoded.State);
            Assert.Equal(neigh.GetProperty("flags").GetByte(), decoded.Flags);
            Assert.Equal(neigh.GetProperty("ndm_type").GetByte(), decoded.Type);
            Assert.Equal(IPAddress.Parse(neigh.GetProperty("dst").GetString()!), new IPAddress(decoded.Destination));
            Assert.Equal(CapturedNetlink.StringOrNull(neigh, "lladdr") ?? "", CapturedNetlink.Mac(decoded.LinkLayerAddress));
            Assert.Equal(neigh.GetProperty("probes").GetUInt32(), decoded.Probes);
            var cacheInfo = neigh.GetProperty("cacheinfo");
            Assert.True(decoded.HasCacheInfo);
            Assert.Equal(cacheInfo.GetProperty("confirmed").GetUInt32(), decoded.Confirmed);
            Assert.Equal(cacheInfo.GetProperty("used").GetUInt32(), decoded.Used);
            Assert.Equal(cacheInfo.GetProperty("updated").GetUInt32(), decoded.Updated);
        }
        Assert.Equal(expected.Length, index);
        Assert.True(decodedCount > 10, "the capture holds more than ten neighbour entries");
    }

    [Fact]
    public void TryFillNeighborRow_MapsEveryCapturedEntry()
    {
        var expected = ExpectedMessages();
        var index = 0;
        foreach (var message in new NetlinkMessageEnumerator(CapturedNetlink.Bytes(DumpFile)))
        {
            var want = expected[index++];
            if (!want.TryGetProperty("neigh", out var neigh)) continue;
            var row = default(MibIpNetRow2);
            Assert.True(LinuxBackend.TryFillNeighborRow(message, ifIndex => new NetLuid((uint)ifIndex, 6), ref row));

            var address = IPAddress.Parse(neigh.GetProperty("dst").GetString()!);
            var bytes = new byte[16];
            var length = row.Address.WriteAddressBytes(bytes);
            Assert.Equal(address.GetAddressBytes(), bytes[..length]);
            var ifIndex = neigh.GetProperty("ifindex").GetUInt32();
            var linkScoped = address.IsIPv6LinkLocal || (address.IsIPv6Multicast && (address.GetAddressBytes()[1] & 0x0F) is 1 or 2);
            Assert.Equal(linkScoped ? ifIndex : 0u, row.Address.ScopeId);
            Assert.Equal(ifIndex, row.InterfaceIndex);
            Assert.Equal(new NetLuid(ifIndex, 6), row.InterfaceLuid);
            Assert.Equal(CapturedNetlink.StringOrNull(neigh, "lladdr") ?? "", CapturedNetlink.Mac(row.GetPhysicalAddressBytes()));
            var names = neigh.GetProperty("state_names").EnumerateArray().Select(n => n.GetString()).ToArray();
            Assert.Equal(ExpectedState(names), row.State);
            Assert.Equal(names.Contains("FAILED"), row.IsUnreachable);
            Assert.Equal((neigh.GetProperty("flags").GetInt32() & 0x80) != 0, row.IsRouter);
            var cacheInfo = neigh.GetProperty("cacheinfo");
            var ticks = row.IsUnreachable ? cacheInfo.GetProperty("updated").GetUInt32() : cacheInfo.GetProperty("confirmed").GetUInt32();
            Assert.Equal(ClockTicks.ToMilliseconds(ticks), row.LastReachable);
        }
    }

    [Fact]
    public void TryFillNeighborRow_DecodesDeleteNotifications_LikeNewOnes()
    {
        var bytes = CapturedNetlink.Bytes(DumpFile);
        var first = bytes[..(int)BinaryPrimitives.ReadUInt32LittleEndian(bytes)];
        var deleted = first.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(deleted.AsSpan(4), RtnlMessageType.RTM_DELNEIGH);

        var fromNew = Fill(first);
        var fromDel = Fill(deleted);

        Assert.True(fromNew.Decoded);
        Assert.True(fromDel.Decoded);
        Assert.Equal(fromNew.Row.Address, fromDel.Row.Address);
        Assert.Equal(fromNew.Row.State, fromDel.Row.State);
    }

    [Fact]
    public void TryFillNeighborRow_ProxyEntry_IsNotANeighbourRow()
    {
        var message = Build(LinuxFamily.AF_INET, 2, NeighborConstants.NUD_PERMANENT, NeighborConstants.NTF_PROXY, [192, 0, 2, 9], []);

        Assert.False(Fill(message).Decoded);
    }

    [Fact]
    public void TryFillNeighborRow_BridgeFdbEntry_IsNotANeighbourRow()
    {
        const byte AF_BRIDGE = 7;
        var message = Build(AF_BRIDGE, 2, NeighborConstants.NUD_PERMANENT, 0, [], [2, 0, 0, 0, 0, 1]);

        Assert.False(Fill(message).Decoded);
    }

    [Fact]
    public void TryFillNeighborRow_AddressOfTheWrongLength_IsNotANeighbourRow()
    {
        var message = Build(LinuxFamily.AF_INET6, 2, NeighborConstants.NUD_REACHABLE, 0, [192, 0, 2, 9], [2, 0, 0, 0, 0, 1]);

        Assert.False(Fill(message).Decoded);
    }

    [Fact]
    public void NeighborMessage_AttributeRunningPastTheMessage_IsMalformed()
    {
        var message = Build(LinuxFamily.AF_INET, 2, NeighborConstants.NUD_REACHABLE, 0, [192, 0, 2, 9], [2, 0, 0, 0, 0, 1]);
        // Claim a longer NDA_DST than the message holds.
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(NetlinkConstants.HeaderLength + 12), 200);

        foreach (var decoded in new NetlinkMessageEnumerator(message))
            Assert.False(NeighborMessage.TryDecode(decoded, out _));
    }

    [Fact]
    public void TryFillNeighborRow_RouterFlagAndLinkLocalScope_AreKept()
    {
        byte[] linkLocal = [0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        var message = Build(LinuxFamily.AF_INET6, 7, NeighborConstants.NUD_STALE, NeighborConstants.NTF_ROUTER, linkLocal, [2, 0, 0, 0, 0, 1]);

        var (decoded, row) = Fill(message);

        Assert.True(decoded);
        Assert.True(row.IsRouter);
        Assert.False(row.IsUnreachable);
        Assert.Equal(NlNeighborState.NlnsStale, row.State);
        Assert.Equal("fe80::1%7", row.Address.ToString());
        Assert.Equal(6u, row.PhysicalAddressLength);
    }

    [Theory]
    [InlineData(NeighborConstants.NUD_NONE, NlNeighborState.NlnsIncomplete)]
    [InlineData(NeighborConstants.NUD_INCOMPLETE, NlNeighborState.NlnsIncomplete)]
    [InlineData(NeighborConstants.NUD_REACHABLE, NlNeighborState.NlnsReachable)]
    [InlineData(NeighborConstants.NUD_STALE, NlNeighborState.NlnsStale)]
    [InlineData(NeighborConstants.NUD_DELAY, NlNeighborState.NlnsDelay)]
    [InlineData(NeighborConstants.NUD_PROBE, NlNeighborState.NlnsProbe)]
    [InlineData(NeighborConstants.NUD_FAILED, NlNeighborState.NlnsUnreachable)]
    [InlineData(NeighborConstants.NUD_NOARP, NlNeighborState.NlnsPermanent)]
    [InlineData(NeighborConstants.NUD_PERMANENT, NlNeighborState.NlnsPermanent)]
    public void StateOf_MapsEachNudState(ushort nud, NlNeighborState expected) =>
        Assert.Equal(expected, LinuxBackend.StateOf(nud));

    [Theory]
    [InlineData(NlNeighborState.NlnsUnreachable, NeighborConstants.NUD_PERMANENT)]
    [InlineData(NlNeighborState.NlnsPermanent, NeighborConstants.NUD_PERMANENT)]
    [InlineData(NlNeighborState.NlnsReachable, NeighborConstants.NUD_REACHABLE)]
    [InlineData(NlNeighborState.NlnsStale, NeighborConstants.NUD_STALE)]
    [InlineData(NlNeighborState.NlnsDelay, NeighborConstants.NUD_DELAY)]
    [InlineData(NlNeighborState.NlnsProbe, NeighborConstants.NUD_PROBE)]
    public void TryNudOf_WritableStates_MapToTheirNudState(NlNeighborState state, ushort expected)
    {
        Assert.True(LinuxBackend.TryNudOf(state, out var nud));
        Assert.Equal(expected, nud);
    }

    [Theory]
    [InlineData(NlNeighborState.NlnsIncomplete)]
    [InlineData(NlNeighborState.NlnsMaximum)]
    [InlineData((NlNeighborState)42)]
    public void TryNudOf_StatesLinuxCannotWrite_AreRefused(NlNeighborState state) =>
        Assert.False(LinuxBackend.TryNudOf(state, out _));

    [Fact]
    public void ClockTicks_ConvertsUserHzTicksToMilliseconds()
    {
        Assert.Equal(100, ClockTicks.PerSecond);
        Assert.Equal(3770u, ClockTicks.ToMilliseconds(377));
        Assert.Equal(uint.MaxValue, ClockTicks.ToMilliseconds(uint.MaxValue));
    }

    private static (bool Decoded, MibIpNetRow2 Row) Fill(byte[] bytes)
    {
        foreach (var message in new NetlinkMessageEnumerator(bytes))
        {
            var row = default(MibIpNetRow2);
            var decoded = LinuxBackend.TryFillNeighborRow(message, _ => default, ref row);
            return (decoded, row);
        }
        throw new InvalidOperationException("no message");
    }

    /// <summary>An RTM_NEWNEIGH message as the kernel would send it.</summary>
    private static byte[] Build(byte family, int ifIndex, ushort state, byte flags, byte[] destination, byte[] linkLayerAddress)
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(RtnlMessageType.RTM_NEWNEIGH, 0);
        ref var header = ref writer.Header<NdMsg>();
        header.Family = family;
        header.IfIndex = ifIndex;
        header.State = state;
        header.Flags = flags;
        if (destination.Length > 0) writer.Put(NeighborConstants.NDA_DST, destination);
        if (linkLayerAddress.Length > 0) writer.Put(NeighborConstants.NDA_LLADDR, linkLayerAddress);
        writer.EndMessage();
        return writer.Written.ToArray();
    }

    private static NlNeighborState ExpectedState(string?[] names) => names switch
    {
        _ when names.Contains("PERMANENT") || names.Contains("NOARP") => NlNeighborState.NlnsPermanent,
        _ when names.Contains("REACHABLE") => NlNeighborState.NlnsReachable,
        _ when names.Contains("STALE") => NlNeighborState.NlnsStale,
        _ when names.Contains("DELAY") => NlNeighborState.NlnsDelay,
        _ when names.Contains("PROBE") => NlNeighborState.NlnsProbe,
        _ when names.Contains("FAILED") => NlNeighborState.NlnsUnreachable,
        _ => NlNeighborState.NlnsIncomplete,
    };
}
