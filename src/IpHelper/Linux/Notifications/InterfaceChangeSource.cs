using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux.Notifications;

/// <summary>Changes of the interface table (MIB_IF_ROW2 rows) from RTM_NEWLINK / RTM_DELLINK on RTNLGRP_LINK.</summary>
internal sealed class InterfaceChangeSource(LinuxBackend backend) : IChangeSource<uint, MibIfRow2>
{
    public string TableName => "Interface";

    public uint[] Groups(AddressFamily family) => [RtnlGroups.RTNLGRP_LINK];

    public BackendResult Read(AddressFamily family, out MibTable<MibIfRow2>? table) =>
        backend.GetIfTable(withStatistics: false, out table);

    public void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<MibIfRow2> changes)
    {
        if (message.Type == RtnlMessageType.RTM_DELLINK && message.TryReadHeader(out IfInfoMsg header))
        {
            changes.Remove(new MibIfRow2 { InterfaceIndex = (uint)header.Index });
            return;
        }
        if (!LinkMessage.TryDecode(message, out var link)) return;
        using var lease = backend.Context.Sockets.Rent();
        var row = default(MibIfRow2);
        LinuxBackend.Fill(ref row, link, lease.Socket, withStatistics: false);
        changes.Upsert(row);
    }

    /// <summary>The interface's index: the NetLuidIndex of its LUID, which the Windows key is.</summary>
    public uint GroupOf(in MibIfRow2 row) => row.InterfaceIndex;

    public AddressFamily FamilyOf(in MibIfRow2 row) => AddressFamily.Unspecified;

    public bool Equivalent(in MibIfRow2 a, in MibIfRow2 b) =>
        RowBytes.Equal(a, b);
}
