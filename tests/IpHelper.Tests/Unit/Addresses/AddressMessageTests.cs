using System.Net;
using System.Text.Json;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Addresses;

/// <summary>Decodes the captured RTM_GETADDR dump (TestData/netlink) and checks each message against the capture tool's own decoding.</summary>
public sealed class AddressMessageTests
{
    private static readonly string s_directory = Path.Combine(AppContext.BaseDirectory, "TestData", "netlink");

    [Fact]
    public void TryDecode_CapturedDump_MatchesTheManifestField()
    {
        var expected = ManifestAddresses();
        var bytes = File.ReadAllBytes(Path.Combine(s_directory, "addr-dump-001.bin"));
        var decoded = 0;
        foreach (var message in new NetlinkMessageEnumerator(bytes))
        {
            Assert.True(AddressMessage.TryDecode(message, out var address));
            var want = expected[decoded++];
            Assert.Equal(want.GetProperty("family").GetInt32(), address.Family);
            Assert.Equal(want.GetProperty("prefixlen").GetInt32(), address.PrefixLength);
            Assert.Equal(want.GetProperty("scope").GetInt32(), address.Scope);
            Assert.Equal(want.GetProperty("ifindex").GetInt32(), address.Index);
            Assert.Equal(want.GetProperty("flags").GetUInt32(), address.Flags);
            var local = want.GetProperty("local").GetString() ?? want.GetProperty("address").GetString();
            Assert.Equal(IPAddress.Parse(local!), new IPAddress(address.LocalAddress));
            var cache = want.GetProperty("cacheinfo");
            Assert.True(address.HasCacheInfo);
            Assert.Equal(cache.GetProperty("preferred").GetUInt32(), address.PreferredLifetime);
            Assert.Equal(cache.GetProperty("valid").GetUInt32(), address.ValidLifetime);
            Assert.Equal(cache.GetProperty("cstamp").GetUInt32(), address.CreatedCentiseconds);
            var proto = want.TryGetProperty("proto", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetByte() : (byte)0;
            Assert.Equal(proto, address.Protocol);
        }
        Assert.Equal(expected.Count, decoded);
    }

    [Fact]
    public void TryDecodeUnicastRow_CapturedLinkLocal_IsWellKnownWithItsZone()
    {
        var bytes = File.ReadAllBytes(Path.Combine(s_directory, "addr-dump-001.bin"));
        var rows = new List<MibUnicastIpAddressRow>();
        foreach (var message in new NetlinkMessageEnumerator(bytes))
            if (LinuxBackend.TryDecodeUnicastRow(message, static index => new NetLuid((uint)index, 6), out var row)) rows.Add(row);

        var linkLocal = rows.First(r => r.Address.IsIPv6LinkLocal);
        Assert.Equal(linkLocal.InterfaceIndex, linkLocal.Address.ScopeId);
        Assert.Equal(linkLocal.InterfaceIndex, linkLocal.ScopeId.Value);
        Assert.Equal(NlPrefixOrigin.IpPrefixOriginWellKnown, linkLocal.PrefixOrigin);
        Assert.Equal(NlSuffixOrigin.IpSuffixOriginLinkLayerAddress, linkLocal.SuffixOrigin);
        var loopback = rows.First(r => r.Address.IsLoopback && r.Address.Family == System.Net.Sockets.AddressFamily.InterNetworkV6);
        Assert.Equal(NlPrefixOrigin.IpPrefixOriginWellKnown, loopback.PrefixOrigin);
        Assert.Equal(0u, loopback.Address.ScopeId);
        var manual = rows.First(r => r.Address.ToString() == "198.51.100.1");
        Assert.Equal(NlPrefixOrigin.IpPrefixOriginManual, manual.PrefixOrigin);
        Assert.Equal(24, manual.OnLinkPrefixLength);
        Assert.Equal(new NetLuid(manual.InterfaceIndex, 6), manual.InterfaceLuid);
        Assert.All(rows, r => Assert.NotEqual(0, r.CreationTimeStamp));
    }

    [Fact]
    public void TryDecode_AttributeLongerThanTheMessage_IsRejected()
    {
        var bytes = File.ReadAllBytes(Path.Combine(s_directory, "addr-dump-001.bin"));
        var enumerator = new NetlinkMessageEnumerator(bytes);
        Assert.True(enumerator.MoveNext());
        var first = enumerator.Current;
        var payload = first.Payload.ToArray();
        payload[8] = 0xFF;
        var broken = new NetlinkMessage(first.Type, first.Flags, first.Sequence, first.PortId, payload);

        Assert.False(AddressMessage.TryDecode(broken, out _));
    }

    [Fact]
    public void TryDecode_AddressOfTheWrongLength_IsRejected()
    {
        // ifaddrmsg AF_INET /24 index 2, then IFA_ADDRESS with 16 bytes.
        var payload = new byte[8 + 20];
        payload[0] = LinuxFamily.AF_INET;
        payload[1] = 24;
        payload[4] = 2;
        payload[8] = 20;
        payload[10] = (byte)AddressConstants.IFA_ADDRESS;
        var message = new NetlinkMessage(RtnlMessageType.RTM_NEWADDR, 0, 1, 1, payload);

        Assert.False(AddressMessage.TryDecode(message, out _));
    }

    [Fact]
    public void TryDecode_OtherMessageType_IsNotAnAddress()
    {
        var message = new NetlinkMessage(RtnlMessageType.RTM_NEWLINK, 0, 1, 1, new byte[16]);

        Assert.False(AddressMessage.TryDecode(message, out _));
    }

    private static List<JsonElement> ManifestAddresses()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(s_directory, "manifest.json")));
        var file = manifest.RootElement.GetProperty("files").EnumerateArray().First(f => f.GetProperty("file").GetString() == "addr-dump-001.bin");
        return [.. file.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("addr").Clone())];
    }
}
