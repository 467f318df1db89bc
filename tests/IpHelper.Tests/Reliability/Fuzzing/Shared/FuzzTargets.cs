using System.Text;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using IpHelper.Tests.Reliability.Fuzzing.Targets;

namespace IpHelper.Tests.Reliability.Fuzzing;

/// <summary>
/// Every decoder the fuzzers feed: the in-suite mutation fuzzer (MutationFuzzTests) and the SharpFuzz
/// project (fuzz/IpHelper.Fuzz) both read this list. An area adds its decoder with one line here:
/// <c>Message("route.decode", RtnlMessageType.RTM_NEWROUTE, RouteTargets.Decode, "route4-", "route6-")</c>
/// for an rtnetlink message decoder, <c>Netlink(...)</c> for one that reads whole datagrams, or
/// <c>Text("name", parse, seeds...)</c> for a text parser.
/// </summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        Netlink("netlink.messages", NetlinkTargets.WalkMessages),
        Netlink("netlink.attributes", NetlinkTargets.WalkAttributes),
        Netlink("netlink.error", NetlinkTargets.ParseErrors, "error-", "ack-", "link-get-missing"),
        Message("link.decode", RtnlMessageType.RTM_NEWLINK, LinkTargets.Decode, "link-"),
        Message("link.af-spec", RtnlMessageType.RTM_NEWLINK, IpInterfaceTargets.DecodeAfSpec, "link-"),
        Message("neightbl.decode", RtnlMessageType.RTM_NEWNEIGHTBL, IpInterfaceTargets.DecodeNeighborTable, "neigh-", "link-"),
        Message("address.link-local", RtnlMessageType.RTM_NEWADDR, IpInterfaceTargets.DecodeLinkLocal, "addr-"),
        Text("luid.windows-name", TextTargets.WindowsInterfaceName, "ethernet_1", "loopback_1", "tunnel_16777215", "iftype53_7", "other_0"),
        Text("sockaddr.parse", TextTargets.SockAddr, "192.0.2.1", "2001:db8::1", "fe80::1%3", "::ffff:198.51.100.7", "::", "0.0.0.0"),
        Text("prefix.parse", TextTargets.Prefix, "192.0.2.0/24", "2001:db8::/32", "fe80::1%3/64", "0.0.0.0/0", "::/0", "203.0.113.9/32"),
        Text("proc.net.udp", TextTargets.ProcNetUdp, TextTargets.ProcNetUdpSeeds),
        Message("address.decode", RtnlMessageType.RTM_NEWADDR, AddressTargets.Decode, "addr-"),
        Message("membership.decode", RtnlMessageType.RTM_GETMULTICAST, AddressTargets.Decode, "addr-"),
        Text("proc.net.igmp", AddressTargets.ProcIgmp, AddressTargets.IgmpSeeds),
        Text("proc.net.igmp6", AddressTargets.ProcIpv6, AddressTargets.Ipv6Seeds),
    ];

    /// <summary>The target named <paramref name="name"/>.</summary>
    public static FuzzTarget Get(string name) =>
        All.SingleOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target '{name}'", nameof(name));

    /// <summary>A target that reads whole datagrams, seeded with the captured replies whose file names start with one of <paramref name="seedPrefixes"/> (all when none).</summary>
    private static FuzzTarget Netlink(string name, Action<ReadOnlySpan<byte>> run, params string[] seedPrefixes) =>
        new(name, FuzzInputKind.Netlink, run, () => FuzzSeeds.Captured(seedPrefixes));

    /// <summary>
    /// A target for a decoder of one message type: every message of the datagram goes to
    /// <paramref name="decode"/> as it is, and once more relabelled as <paramref name="type"/>, so
    /// mutations of any captured message reach the decoder.
    /// </summary>
    private static FuzzTarget Message(string name, ushort type, NetlinkTargets.MessageDecoder decode, params string[] seedPrefixes) =>
        Netlink(name, input => NetlinkTargets.EachMessage(input, type, decode), seedPrefixes);

    /// <summary>A target for a text parser; the input bytes are decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    private static FuzzTarget Text(string name, Action<string> parse, params string[] seeds) =>
        new(name, FuzzInputKind.Text, input => parse(Encoding.UTF8.GetString(input)),
            () => [.. seeds.Select(Encoding.UTF8.GetBytes)]);
}
