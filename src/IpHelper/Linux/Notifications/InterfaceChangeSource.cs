using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux.Notifications;

/// <summary>Changes of the interface table (MIB_IF_ROW2 rows) from RTM_NEWLINK / RTM_DELLINK on RTNLGRP_LINK.</summary>
internal sealed class InterfaceChangeSource(LinuxBackend backend) : IChangeSource<uint, MibIfRow2>
{
    public string TableName => "Interface";

    public uint[] Groups(AddressFamily family) => [RtnlGroups.RTNLGRP_LINK];

    public NetIoStatus Snapshot(AddressFamily family, Dictionary<uint, MibIfRow2> view)
    {
        view.Clear();
        var status = backend.GetIfTable(withStatistics: false, out var table);
        if (status != NetIoStatus.Success) return status;
        using (table)
            foreach (ref readonly var row in table!.AsSpan()) view[row.InterfaceIndex] = row;
        return NetIoStatus.Success;
    }

    public void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<uint, MibIfRow2> changes)
    {
        if (message.Type == RtnlMessageType.RTM_DELLINK && message.TryReadHeader(out IfInfoMsg header))
        {
            changes.Remove((uint)header.Index);
            return;
        }
        if (!LinkMessage.TryDecode(message, out var link)) return;
        using var lease = backend.Context.Sockets.Rent();
        var row = default(MibIfRow2);
        LinuxBackend.Fill(ref row, link, lease.Socket, withStatistics: false);
        changes.Upsert(row.InterfaceIndex, row);
    }

    public bool Equivalent(in MibIfRow2 a, in MibIfRow2 b) =>
        RowBytes.Equal(a, b);
}
