using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// What one registration has told its subscriber: the table as the subscriber holds it, grouped by
/// <see cref="IChangeSource{TKey, TRow}.GroupOf"/>. Every change is applied to a group and the group's
/// rows as the subscriber sees them (one per Windows key) before and after are compared: a Windows key
/// that appears is MibAddInstance, one that stays with other values MibParameterNotification, one
/// that disappears MibDeleteInstance, whatever kernel event caused it.
/// </summary>
internal sealed class MirrorView<TKey, TRow>(IChangeSource<TKey, TRow> source) where TKey : notnull where TRow : struct
{
    private readonly Dictionary<TKey, RowGroup<TRow>> _groups = [];
    private readonly List<TRow> _rows = [], _before = [], _after = [];

    /// <summary>How many groups the view holds.</summary>
    public int Count => _groups.Count;

    /// <summary>Makes the view <paramref name="table"/>, telling nobody.</summary>
    public void Load(ReadOnlySpan<TRow> table)
    {
        _groups.Clear();
        Add(_groups, table);
    }

    /// <summary>Applies one kernel change and reports what it changed for the subscriber.</summary>
    public void Apply(in TRow row, ChangeKind kind, Action<TRow?, MibNotificationType> deliver)
    {
        var key = source.GroupOf(row);
        _rows.Clear();
        if (_groups.TryGetValue(key, out var group)) group.CopyTo(_rows);
        Publish(_rows, _before);
        if (kind == ChangeKind.Replace)
            for (var i = _rows.Count - 1; i >= 0; i--)
                if (source.Replaces(row, _rows[i])) _rows.RemoveAt(i);
        var found = -1;
        for (var i = _rows.Count - 1; i >= 0; i--)
        {
            if (!source.SameKernelRow(row, _rows[i])) continue;
            if (kind == ChangeKind.Remove) _rows.RemoveAt(i);
            else found = i;
        }
        if (kind != ChangeKind.Remove)
        {
            if (found >= 0) _rows[found] = row;
            else _rows.Add(row);
        }
        if (_rows.Count == 0) _groups.Remove(key);
        else _groups[key] = RowGroup<TRow>.Of(_rows);
        Publish(_rows, _after);
        Diff(_before, _after, deliver);
    }

    /// <summary>
    /// Makes the rows of <paramref name="family"/> (Unspecified: all) those of <paramref name="fresh"/>,
    /// a table just read, and reports every difference.
    /// </summary>
    public void Reconcile(ReadOnlySpan<TRow> fresh, AddressFamily family, Action<TRow?, MibNotificationType> deliver)
    {
        var read = new Dictionary<TKey, RowGroup<TRow>>();
        Add(read, fresh);
        var gone = new List<TKey>();
        foreach (var (key, group) in _groups)
            if (!read.ContainsKey(key) && (family == AddressFamily.Unspecified || source.FamilyOf(group.First) == family)) gone.Add(key);
        foreach (var key in gone)
        {
            _rows.Clear();
            _groups[key].CopyTo(_rows);
            _groups.Remove(key);
            Publish(_rows, _before);
            _after.Clear();
            Diff(_before, _after, deliver);
        }
        foreach (var (key, group) in read)
        {
            _rows.Clear();
            if (_groups.TryGetValue(key, out var old)) old.CopyTo(_rows);
            Publish(_rows, _before);
            _rows.Clear();
            group.CopyTo(_rows);
            Publish(_rows, _after);
            _groups[key] = group;
            Diff(_before, _after, deliver);
        }
    }

    /// <summary>Reports every row the subscriber holds as deleted and empties the view.</summary>
    public void DeleteAll(Action<TRow?, MibNotificationType> deliver)
    {
        foreach (var group in _groups.Values)
        {
            _rows.Clear();
            group.CopyTo(_rows);
            Publish(_rows, _before);
            foreach (var row in _before) deliver(row, MibNotificationType.MibDeleteInstance);
        }
        _groups.Clear();
    }

    private void Add(Dictionary<TKey, RowGroup<TRow>> groups, ReadOnlySpan<TRow> table)
    {
        foreach (ref readonly var row in table)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, source.GroupOf(row), out var exists);
            group = exists ? group.With(row) : RowGroup<TRow>.Of(row);
        }
    }

    /// <summary>The rows the subscriber sees of one group: for each Windows key, the kernel row that precedes the others.</summary>
    private void Publish(List<TRow> rows, List<TRow> shown)
    {
        shown.Clear();
        if (rows.Count == 1)
        {
            shown.Add(rows[0]);
            return;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var hidden = false;
            for (var j = 0; j < rows.Count && !hidden; j++)
            {
                if (j == i || !source.SameWindowsKey(rows[j], row)) continue;
                hidden = source.Precedes(rows[j], row) || (j < i && !source.Precedes(row, rows[j]));
            }
            if (!hidden) shown.Add(row);
        }
    }

    private void Diff(List<TRow> before, List<TRow> after, Action<TRow?, MibNotificationType> deliver)
    {
        foreach (var old in before)
        {
            var now = IndexOfKey(after, old);
            if (now < 0) deliver(old, MibNotificationType.MibDeleteInstance);
            else if (!source.Equivalent(old, after[now])) deliver(after[now], MibNotificationType.MibParameterNotification);
        }
        foreach (var now in after)
            if (IndexOfKey(before, now) < 0) deliver(now, MibNotificationType.MibAddInstance);
    }

    private int IndexOfKey(List<TRow> rows, in TRow row)
    {
        for (var i = 0; i < rows.Count; i++)
            if (source.SameWindowsKey(rows[i], row)) return i;
        return -1;
    }
}
