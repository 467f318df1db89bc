namespace IpHelper.Linux.Notifications;

/// <summary>The row changes decoded from one datagram of notifications, in kernel order.</summary>
internal sealed class ChangeList<TKey, TRow> where TKey : notnull where TRow : struct
{
    private readonly List<(TKey Key, TRow? Row)> _changes = [];

    public int Count => _changes.Count;

    public (TKey Key, TRow? Row) this[int index] => _changes[index];

    /// <summary>The row with this key exists now, with these values.</summary>
    public void Upsert(TKey key, in TRow row) => _changes.Add((key, row));

    /// <summary>The row with this key no longer exists.</summary>
    public void Remove(TKey key) => _changes.Add((key, null));

    public void Clear() => _changes.Clear();
}
