namespace IpHelper.Tests.Windows;

/// <summary>
/// Compares the rows two backends returned for one call: matched by their Windows key, then field by
/// field for the fields listed (those Wine reads from the kernel); every difference is one line.
/// </summary>
internal static class RowComparison
{
    public static List<string> Compare<TRow>(ProbeLine wine, ProbeLine linux, Func<TRow, string> key, bool wineIsSubset,
        params (string Name, Func<TRow, object?> Value)[] fields) where TRow : unmanaged
    {
        var differences = new List<string>();
        if (wine.Status != linux.Status) differences.Add($"{wine.Call}: Wine {wine.Status}, Linux {linux.Status} ({wine.Detail} / {linux.Detail})");
        var wineRows = wine.Rows<TRow>().ToDictionary(key);
        var linuxRows = linux.Rows<TRow>().ToDictionary(key);
        foreach (var (k, row) in wineRows)
        {
            if (!linuxRows.TryGetValue(k, out var other))
            {
                differences.Add($"{wine.Call}: {k} only under Wine");
                continue;
            }
            foreach (var (name, value) in fields)
            {
                var a = Text(value(row));
                var b = Text(value(other));
                if (a != b) differences.Add($"{wine.Call}: {k} {name}: Wine {a}, Linux {b}");
            }
        }
        if (!wineIsSubset)
            differences.AddRange(linuxRows.Keys.Where(k => !wineRows.ContainsKey(k)).Select(k => $"{wine.Call}: {k} only on Linux"));
        return differences;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        _ => value.ToString() ?? "null",
    };
}
