using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// Collects the layering of links for GetIfStackTable: a port is below its master (IFLA_MASTER:
/// bridge, bond, team, vrf), a stacked device is above its lower device (IFLA_LINK for macvlan,
/// vlan, ipvlan, tunnels; IFLA_VXLAN_LINK for vxlan). veth, vxcan and netkit use IFLA_LINK for
/// their peer, which is not a layer. A lower device in another namespace (IFLA_LINK_NETNSID) has
/// no index here and is left out. As in RFC 2863's ifStackTable, an interface with nothing above
/// it gets a row (0, index) and one with nothing below it a row (index, 0).
/// </summary>
internal struct StackCollector() : INetlinkReplyHandler
{
    private readonly List<int> _indexes = [];
    private readonly List<(int Higher, int Lower)> _relations = [];

    public bool Malformed;

    public void OnMessage(in NetlinkMessage message)
    {
        if (!LinkMessage.TryDecode(message, out var link))
        {
            Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
            return;
        }
        _indexes.Add(link.Index);
        if (link.Master > 0) _relations.Add((link.Master, link.Index));
        var lower = link.VxlanLink > 0 ? link.VxlanLink
            : link.Link > 0 && link.Link != link.Index && link.LinkNetnsId < 0 && !IsPair(link.Kind) ? link.Link
            : 0;
        if (lower > 0) _relations.Add((link.Index, lower));
    }

    public readonly void OnRestart()
    {
        _indexes.Clear();
        _relations.Clear();
    }

    public readonly MibTable<MibIfStackRow> ToTable()
    {
        var present = _indexes.ToHashSet();
        var rows = new List<(int Higher, int Lower)>();
        foreach (var relation in _relations)
            if (present.Contains(relation.Higher) && present.Contains(relation.Lower)) rows.Add(relation);
        var hasHigher = rows.Select(r => r.Lower).ToHashSet();
        var hasLower = rows.Select(r => r.Higher).ToHashSet();
        foreach (var index in _indexes)
        {
            if (!hasHigher.Contains(index)) rows.Add((0, index));
            if (!hasLower.Contains(index)) rows.Add((index, 0));
        }
        rows.Sort();
        using var builder = new MibTableBuilder<MibIfStackRow>();
        foreach (var (higher, lower) in rows)
        {
            ref var row = ref builder.Add();
            row.HigherLayerInterfaceIndex = (uint)higher;
            row.LowerLayerInterfaceIndex = (uint)lower;
        }
        return builder.ToTable();
    }

    private static bool IsPair(ReadOnlySpan<byte> kind) =>
        kind.SequenceEqual("veth"u8) || kind.SequenceEqual("vxcan"u8) || kind.SequenceEqual("netkit"u8);
}
