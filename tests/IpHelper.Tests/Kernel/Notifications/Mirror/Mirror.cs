namespace IpHelper.Tests.Kernel.Notifications.Mirror;

/// <summary>
/// What a subscriber that trusts the notifications holds: the table it read once, then every
/// MibAddInstance, MibParameterNotification and MibDeleteInstance applied by the row's Windows key.
/// A notification that contradicts the mirror (an add of a key it holds, a change or delete of a key it
/// does not hold) is recorded as a violation.
/// </summary>
internal sealed class Mirror<TKey, TRow>(string table, Func<TRow, TKey> keyOf) where TKey : notnull where TRow : struct
{
    private readonly Dictionary<TKey, TRow> _rows = [];
    private readonly List<string> _violations = [];

    public string Table => table;

    /// <summary>How many row notifications were applied.</summary>
    public long Events { get; private set; }

    /// <summary>How many resync markers came (streams only).</summary>
    public long Resyncs { get; private set; }

    /// <summary>How many rows the mirror holds.</summary>
    public int Count
    {
        get
        {
            lock (_rows) return _rows.Count;
        }
    }

    public void Load(IEnumerable<TRow> rows)
    {
        lock (_rows)
            foreach (var row in rows) _rows[keyOf(row)] = row;
    }

    public void Apply(TRow? row, MibNotificationType type, bool resync = false)
    {
        lock (_rows)
        {
            if (resync) Resyncs++;
            if (row is not { } present) return;
            Events++;
            var key = keyOf(present);
            switch (type)
            {
                case MibNotificationType.MibAddInstance:
                    if (!_rows.TryAdd(key, present)) Violate($"MibAddInstance of {key}, which the mirror holds");
                    _rows[key] = present;
                    break;
                case MibNotificationType.MibParameterNotification:
                    if (!_rows.ContainsKey(key)) Violate($"MibParameterNotification of {key}, which the mirror does not hold");
                    _rows[key] = present;
                    break;
                case MibNotificationType.MibDeleteInstance:
                    if (!_rows.Remove(key)) Violate($"MibDeleteInstance of {key}, which the mirror does not hold");
                    break;
            }
        }
    }

    public Dictionary<TKey, TRow> Copy()
    {
        lock (_rows) return new Dictionary<TKey, TRow>(_rows);
    }

    public List<string> Violations()
    {
        lock (_rows) return [.. _violations];
    }

    /// <summary>
    /// What differs between the mirror and <paramref name="expected"/> (a fresh table by Windows key);
    /// <paramref name="same"/> compares two rows of one key.
    /// </summary>
    public List<string> Differences(Dictionary<TKey, TRow> expected, Func<TRow, TRow, bool> same, bool detail = false)
    {
        var mirror = Copy();
        var differences = new List<string>();
        foreach (var (key, row) in expected)
        {
            if (!mirror.TryGetValue(key, out var held)) differences.Add($"{table} {key}: in the table, not in the mirror");
            else if (!same(held, row)) differences.Add($"{table} {key}: the mirror's row differs from the table's{(detail ? " in " + FieldsThatDiffer(held, row) : "")}");
        }
        foreach (var key in mirror.Keys)
            if (!expected.ContainsKey(key)) differences.Add($"{table} {key}: in the mirror, not in the table");
        return differences;
    }

    private static string FieldsThatDiffer(TRow held, TRow fresh) => string.Join(", ",
        typeof(TRow).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(f => f.FieldType.IsPrimitive || f.FieldType.IsEnum || f.FieldType == typeof(SockAddrInet) || f.FieldType == typeof(IpAddressPrefix) || f.FieldType == typeof(NetLuid))
            .Where(f => !Equals(f.GetValue(held), f.GetValue(fresh)))
            .Select(f => $"{f.Name} ({f.GetValue(held)} held, {f.GetValue(fresh)} now)"));

    private void Violate(string what)
    {
        if (_violations.Count < 20) _violations.Add($"{table}: {what}");
    }
}
