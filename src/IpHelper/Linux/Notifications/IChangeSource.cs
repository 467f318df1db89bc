using System.Net.Sockets;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// What the notification engine needs to know about one MIB table: which rtnetlink groups carry its
/// changes, how to read the whole table (for the starting view, after an overrun, and after a silent
/// removal), how to turn one kernel notification into row changes, and how rows are identified.
/// <para>
/// Rows are kept in groups (<see cref="GroupOf"/>: a route's destination prefix, an address's
/// interface and address); inside a group, rows with the same Windows key (<see cref="SameWindowsKey"/>)
/// are one row for the subscriber, the one that <see cref="Precedes"/> the others (Linux may hold a
/// prefix and next hop at several metrics, Windows cannot), and rows that are the same kernel object
/// (<see cref="SameKernelRow"/>) replace each other.
/// </para>
/// </summary>
internal interface IChangeSource<TKey, TRow> where TKey : notnull where TRow : struct
{
    /// <summary>The table's name in monitor output: "Interface", "IpInterface", "UnicastAddress", "Route".</summary>
    string TableName { get; }

    /// <summary>The rtnetlink multicast groups to join for <paramref name="family"/> (Unspecified: both families).</summary>
    uint[] Groups(AddressFamily family);

    /// <summary>Reads the whole table for <paramref name="family"/>.</summary>
    BackendResult Read(AddressFamily family, out MibTable<TRow>? table);

    /// <summary>
    /// Turns one notification into changes (<see cref="ChangeList{TRow}"/>). Messages of other
    /// families or types are ignored, or ask for a rescan when the kernel removes rows silently after them.
    /// </summary>
    void OnMessage(in NetlinkMessage message, AddressFamily family, ChangeList<TRow> changes);

    /// <summary>The group a row is kept in: every row with the same Windows key has the same group.</summary>
    TKey GroupOf(in TRow row);

    /// <summary>The family a row belongs to (Unspecified for the interface table, which has none).</summary>
    AddressFamily FamilyOf(in TRow row);

    /// <summary>True when two rows of one group have the same Windows key.</summary>
    bool SameWindowsKey(in TRow a, in TRow b) => true;

    /// <summary>True when two rows of one group are the same kernel object (one replaces the other).</summary>
    bool SameKernelRow(in TRow a, in TRow b) => true;

    /// <summary>True when <paramref name="old"/> is dropped by the kernel when <paramref name="replacement"/> replaces (NLM_F_REPLACE).</summary>
    bool Replaces(in TRow replacement, in TRow old) => SameKernelRow(replacement, old);

    /// <summary>True when, of two kernel rows with one Windows key, <paramref name="a"/> is the one reported.</summary>
    bool Precedes(in TRow a, in TRow b) => false;

    /// <summary>True when two rows of the same key differ only in ways a subscriber should not be told about (ages, counters).</summary>
    bool Equivalent(in TRow a, in TRow b);
}
