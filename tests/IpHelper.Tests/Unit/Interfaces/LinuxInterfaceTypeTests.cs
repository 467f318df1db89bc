using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Interfaces;

/// <summary>
/// LinuxInterfaceType.Classify against the mapping table of docs/mapping.md: first on the link
/// messages the kernel really sent (TestData/netlink, described by manifest.json), then on messages
/// built here for the ARPHRD types and kinds this kernel cannot create.
/// </summary>
public sealed class LinuxInterfaceTypeTests
{
    private const string Data = "TestData/netlink";

    private static readonly Dictionary<string, LinuxInterfaceType> s_expectedByKind = new()
    {
        ["loopback"] = new(IfType.SoftwareLoopback, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumLoopback, NdisPhysicalMedium.NdisPhysicalMediumUnspecified, NetIfAccessType.NetIfAccessLoopback),
        ["veth"] = Ethernet(),
        ["macvlan"] = Ethernet(),
        ["ifb"] = Ethernet(),
        ["bridge"] = new(IfType.Bridge, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, NdisPhysicalMedium.NdisPhysicalMediumUnspecified, NetIfAccessType.NetIfAccessBroadcast),
        ["vxlan"] = new(IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified, NetIfAccessType.NetIfAccessBroadcast),
        ["tun"] = new(IfType.PropVirtual, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumIP, NdisPhysicalMedium.NdisPhysicalMediumUnspecified, NetIfAccessType.NetIfAccessPointToPoint),
    };

    [Fact]
    public void Classify_CapturedLinks_GiveTheDocumentedTypeForEachKind()
    {
        var seen = new HashSet<string>();
        foreach (var (file, expected) in CapturedLinks())
        {
            var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, Data, file));
            var messages = new NetlinkMessageEnumerator(bytes);
            var found = false;
            while (messages.MoveNext())
            {
                if (!LinkMessage.TryDecode(messages.Current, out var link) || link.Index != expected.Index) continue;
                found = true;
                var kind = expected.Kind ?? (link.HardwareType == 772 ? "loopback" : throw new InvalidDataException($"{expected.Name} has no kind"));
                Assert.True(s_expectedByKind.TryGetValue(kind, out var type), $"no expectation for kind {kind}");
                Assert.Equal(type, LinuxInterfaceType.Classify(link));

                var identity = LinuxBackend.IdentityOf(link);
                Assert.Equal(new NetLuid(expected.Index, (ushort)type.Type), identity.Luid);
                Assert.Equal(expected.Name, identity.Alias);
                Assert.Equal(LinuxInterfaceGuid.FromName(Encoding.UTF8.GetBytes(expected.Name)), identity.Guid);
                seen.Add(kind);
            }
            Assert.True(found, $"{file} has no link {expected.Index} ({expected.Name})");
        }
        Assert.Equal(s_expectedByKind.Keys.Order(), seen.Order());
    }

    [Theory]
    [InlineData(1, "bond", Broadcast, null, IfType.Ieee8023adLag, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, "team", Broadcast, null, IfType.Ieee8023adLag, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, "vlan", Broadcast, null, IfType.L2Vlan, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, "geneve", Broadcast, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, "gretap", Broadcast, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, "ip6gretap", Broadcast, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, "erspan", Broadcast, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, "bareudp", Broadcast, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(1, null, Broadcast, "0000:00:03.0", IfType.EthernetCsmacd, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, NdisPhysicalMedium.NdisPhysicalMedium802_3)]
    [InlineData(1, null, Broadcast, null, IfType.EthernetCsmacd, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(768, "ipip", PointToPoint, null, IfType.Tunnel, TunnelType.TunnelTypeDirect, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(769, "ip6tnl", PointToPoint, null, IfType.Tunnel, TunnelType.TunnelTypeDirect, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(776, "sit", PointToPoint, null, IfType.Tunnel, TunnelType.TunnelTypeDirect, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(778, "gre", PointToPoint, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(823, "ip6gre", PointToPoint, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(65534, "wireguard", PointToPoint, null, IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumIP, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(519, null, PointToPoint, null, IfType.PropVirtual, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumIP, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(512, "ppp", PointToPoint, null, IfType.Ppp, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumWan, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(256, null, PointToPoint, null, IfType.Slip, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumWan, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(32, null, Broadcast, "0000:00:04.0", IfType.Infiniband, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumInfiniBand, NdisPhysicalMedium.NdisPhysicalMediumInfiniband)]
    [InlineData(24, null, Broadcast, null, IfType.Ieee1394, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium1394, NdisPhysicalMedium.NdisPhysicalMedium1394)]
    [InlineData(774, null, Broadcast, null, IfType.Fddi, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumFddi, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(6, null, Broadcast, null, IfType.Iso88025Tokenring, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_5, NdisPhysicalMedium.NdisPhysicalMedium802_5)]
    [InlineData(800, null, Broadcast, null, IfType.Iso88025Tokenring, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_5, NdisPhysicalMedium.NdisPhysicalMedium802_5)]
    [InlineData(19, null, 0u, null, IfType.Atm, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumAtm, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    [InlineData(801, null, Broadcast, null, IfType.Ieee80211, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumNative802_11, NdisPhysicalMedium.NdisPhysicalMediumNative802_11)]
    [InlineData(803, null, Broadcast, null, IfType.Ieee80211, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumNative802_11, NdisPhysicalMedium.NdisPhysicalMediumNative802_11)]
    [InlineData(280, "can", 0u, null, IfType.Other, TunnelType.TunnelTypeNone, NdisMedium.NdisMediumIP, NdisPhysicalMedium.NdisPhysicalMediumUnspecified)]
    public void Classify_ArphrdAndKind_GiveTheDocumentedTypeTunnelAndMedium(
        int arphrd, string? kind, uint flags, string? parent, IfType type, TunnelType tunnel, NdisMedium medium, NdisPhysicalMedium physical)
    {
        var classified = Classify(BuildLink((ushort)arphrd, flags, kind, parent));

        Assert.Equal((type, tunnel, medium, physical), (classified.Type, classified.TunnelType, classified.MediaType, classified.PhysicalMediumType));
    }

    [Theory]
    [InlineData(Loopback | Broadcast, NetIfAccessType.NetIfAccessLoopback)]
    [InlineData(PointToPoint | Broadcast, NetIfAccessType.NetIfAccessPointToPoint)]
    [InlineData(Broadcast, NetIfAccessType.NetIfAccessBroadcast)]
    [InlineData(0u, NetIfAccessType.NetIfAccessPointToMultiPoint)]
    public void Classify_AccessType_FollowsLoopbackThenPointToPointThenBroadcastFlags(uint flags, NetIfAccessType expected)
    {
        Assert.Equal(expected, Classify(BuildLink(1, flags, kind: null, parent: null)).AccessType);
    }

    private const uint Broadcast = 0x2, Loopback = 0x8, PointToPoint = 0x10;

    private static LinuxInterfaceType Ethernet() =>
        new(IfType.EthernetCsmacd, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3, NdisPhysicalMedium.NdisPhysicalMediumUnspecified, NetIfAccessType.NetIfAccessBroadcast);

    private static LinuxInterfaceType Classify(byte[] message)
    {
        var messages = new NetlinkMessageEnumerator(message);
        Assert.True(messages.MoveNext());
        Assert.True(LinkMessage.TryDecode(messages.Current, out var link));
        return LinuxInterfaceType.Classify(link);
    }

    private sealed record CapturedLink(uint Index, string Name, string? Kind);

    /// <summary>Every RTM_NEWLINK message manifest.json lists, with the file that holds it.</summary>
    private static IEnumerable<(string File, CapturedLink Link)> CapturedLinks()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Data, "manifest.json")));
        var links = new List<(string, CapturedLink)>();
        foreach (var file in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            var name = file.GetProperty("file").GetString()!;
            if (!name.StartsWith("link-dump-", StringComparison.Ordinal)) continue;
            foreach (var message in file.GetProperty("messages").EnumerateArray())
            {
                if (!message.TryGetProperty("link", out var link)) continue;
                var kind = link.GetProperty("kind");
                links.Add((name, new CapturedLink(link.GetProperty("ifindex").GetUInt32(), link.GetProperty("ifname").GetString()!,
                    kind.ValueKind == JsonValueKind.String ? kind.GetString() : null)));
            }
        }
        Assert.NotEmpty(links);
        return links;
    }

    /// <summary>
    /// One RTM_NEWLINK message as the kernel lays it out (linux/rtnetlink.h, if_link.h): nlmsghdr,
    /// ifinfomsg, IFLA_IFNAME (3), IFLA_LINKINFO (18) holding IFLA_INFO_KIND (1), IFLA_PARENT_DEV_NAME (56).
    /// </summary>
    private static byte[] BuildLink(ushort arphrd, uint flags, string? kind, string? parent)
    {
        var body = new List<byte>();
        var header = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), arphrd);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), flags);
        body.AddRange(header);
        body.AddRange(Attribute(3, [.. Encoding.ASCII.GetBytes("iph-nosuch0"), 0]));
        if (kind is not null) body.AddRange(Attribute(18, Attribute(1, [.. Encoding.ASCII.GetBytes(kind), 0])));
        if (parent is not null) body.AddRange(Attribute(56, [.. Encoding.ASCII.GetBytes(parent), 0]));

        var message = new byte[16 + body.Count];
        BinaryPrimitives.WriteUInt32LittleEndian(message, (uint)message.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(4), 16); // RTM_NEWLINK
        body.CopyTo(message, 16);
        return message;
    }

    private static byte[] Attribute(ushort type, byte[] value)
    {
        var attribute = new byte[(4 + value.Length + 3) & ~3];
        BinaryPrimitives.WriteUInt16LittleEndian(attribute, (ushort)(4 + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(attribute.AsSpan(2), type);
        value.CopyTo(attribute, 4);
        return attribute;
    }
}
