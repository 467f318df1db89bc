using System.Net.Sockets;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// What the notification engine needs to know about one MIB table: which rtnetlink groups carry its
/// changes, how to read the whole table (for the starting view and to resynchronise after an
/// overrun), and how to turn one kernel notification into row changes.
/// </summary>
internal interface IChangeSource<TKey, TRow> where TKey : notnull where TRow : struct
{
    /// <summary>The table's name in monitor output: "Interface", "IpInterface", "UnicastAddress", "Route".</summary>
    string TableName { get; }

    /// <summary>The rtnetlink multicast groups to join for <paramref name="family"/> (Unspecified: both families).</summary>
    uint[] Groups(AddressFamily family);

    /// <summary>Reads the whole table for <paramref name="family"/> into <paramref name="view"/> (cleared first).</summary>
    NetIoStatus Snapshot(AddressFamily family, Dictionary<TKey, TRow> view);

    /// <summary>
    /// Turns one notification into changes: <see cref="ChangeList{TKey, TRow}.Upsert"/> for a row that
    /// now exists as given, <see cref="ChangeList{TKey, TRow}.Remove"/> for a row that is gone.
    /// Messages of other families or types are ignored.
    /// </summary>
    void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<TKey, TRow> changes);

    /// <summary>True when two rows of the same key differ only in ways a subscriber should not be told about (ages, counters).</summary>
    bool Equivalent(in TRow a, in TRow b);
}
