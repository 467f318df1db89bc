using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Tests.Reliability.Fuzzing.Targets;

/// <summary>
/// The decoders behind MIB_IPINTERFACE_ROW: IFLA_AF_SPEC of RTM_NEWLINK with the row mapping (the
/// facts built from the message alone; ethtool and the other sources need sockets), RTM_NEWNEIGHTBL
/// parameters, and the link-local identifiers of RTM_NEWADDR.
/// </summary>
internal static class IpInterfaceTargets
{
    public static void DecodeAfSpec(in NetlinkMessage message)
    {
        if (!LinkMessage.TryDecode(message, out var link) || !LinkAfSpec.TryDecode(link.AfSpec, out var spec)) return;
        for (var i = 0; i <= spec.InetConf.Length / 4; i++) _ = spec.Inet(i);
        for (var i = 0; i <= spec.Inet6Conf.Length / 4; i++) _ = spec.Inet6(i);
        FuzzAssertionException.Check(spec.Inet(spec.InetConf.Length / 4) is null && spec.Inet6(spec.Inet6Conf.Length / 4) is null, "a devconf value read past its array");
        var facts = new IpInterfaceFacts
        {
            Index = (uint)link.Index,
            Flags = link.Flags,
            Mtu = link.Mtu,
            HasInet = spec.HasInet,
            Ipv4Forwarding = spec.Inet(DevConf.Ipv4Forwarding) is > 0,
            HasInet6 = spec.HasInet6,
            DisableIpv6 = spec.Inet6(DevConf.Ipv6DisableIpv6) is > 0,
            Ipv6Mtu = spec.Inet6(DevConf.Ipv6Mtu) ?? 0,
            Ipv6AcceptRa = spec.Inet6(DevConf.Ipv6AcceptRa) ?? 0,
            Ipv6DadTransmits = spec.Inet6(DevConf.Ipv6DadTransmits) ?? 0,
            Ipv6AddrGenMode = spec.AddrGenMode,
            Inet6Flags = spec.Inet6Flags,
            GsoMaxSize = link.GsoMaxSize,
            GsoIpv4MaxSize = link.GsoIpv4MaxSize,
        };
        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            if (!IpInterfaceRowMapper.HasRow(facts, family)) continue;
            var row = default(MibIpInterfaceRow);
            IpInterfaceRowMapper.Fill(ref row, family, facts);
            FuzzAssertionException.Check(row.Family == family && row.InterfaceIndex == (uint)link.Index, "the row is not the link's");
        }
        _ = spec.Token.Length + link.MinMtu + link.MaxMtu;
    }

    public static void DecodeNeighborTable(in NetlinkMessage message)
    {
        if (!NeighborTableParameters.TryDecode(message, out var parameters)) return;
        FuzzAssertionException.Check(message.Type == RtnlMessageType.RTM_NEWNEIGHTBL, $"message type {message.Type} decoded as a neighbour table");
        _ = parameters.ReachableTime + parameters.BaseReachableTime + parameters.RetransmitTime + (ulong)parameters.InterfaceIndex;
    }

    public static void DecodeLinkLocal(in NetlinkMessage message)
    {
        var ids = new LinkLocalInterfaceIds();
        ids.OnMessage(message);
        if (message.TryReadHeader(out int _) && message.Payload.Length >= 8)
            _ = ids.Of(System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(message.Payload[4..]));
        _ = ids.Malformed;
    }
}
