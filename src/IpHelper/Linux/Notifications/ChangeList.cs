using System.Net.Sockets;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// The row changes decoded from one datagram of notifications, in kernel order, and the families
/// whose table must be re-read because the kernel removed rows of it without saying which.
/// </summary>
internal sealed class ChangeList<TRow> where TRow : struct
{
    private readonly List<(TRow Row, ChangeKind Kind)> _changes = [];

    public int Count => _changes.Count;

    public (TRow Row, ChangeKind Kind) this[int index] => _changes[index];

    /// <summary>IPv4 rows may have gone silently (a link went down, an address went away): re-read and diff.</summary>
    public bool RescanIPv4 { get; private set; }

    /// <summary>As <see cref="RescanIPv4"/>, for IPv6.</summary>
    public bool RescanIPv6 { get; private set; }

    /// <summary>The row exists now, with these values.</summary>
    public void Upsert(in TRow row) => _changes.Add((row, ChangeKind.Upsert));

    /// <summary>The row (known by its key fields) no longer exists.</summary>
    public void Remove(in TRow row) => _changes.Add((row, ChangeKind.Remove));

    /// <summary>The row exists now and replaced the rows the source says it replaces.</summary>
    public void Replace(in TRow row) => _changes.Add((row, ChangeKind.Replace));

    /// <summary>Asks for the table of <paramref name="family"/> (Unspecified: both) to be re-read and diffed.</summary>
    public void Rescan(AddressFamily family)
    {
        RescanIPv4 |= family is AddressFamily.InterNetwork or AddressFamily.Unspecified;
        RescanIPv6 |= family is AddressFamily.InterNetworkV6 or AddressFamily.Unspecified;
    }

    public void Clear()
    {
        _changes.Clear();
        RescanIPv4 = RescanIPv6 = false;
    }
}
