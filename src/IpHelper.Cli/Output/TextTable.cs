namespace IpHelper.Cli.Output;

/// <summary>
/// An aligned text table, columns padded to their widest cell, like PowerShell's Format-Table. On a
/// terminal (<see cref="TableWidth.Current"/> set) a table wider than the terminal loses the columns
/// named in <see cref="DropFirst"/>, in that order, until it fits, then its widest cells are cut short
/// with '…'. Piped output, and --wide, always get every column in full.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private string[] _dropOrder = [];

    public int Count => _rows.Count;

    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>The columns a narrow terminal drops, least useful first.</summary>
    public TextTable DropFirst(params string[] columns)
    {
        _dropOrder = columns;
        return this;
    }

    public void Write(TextWriter output)
    {
        var widths = new int[headers.Length];
        for (var c = 0; c < headers.Length; c++)
        {
            widths[c] = headers[c].Length;
            foreach (var row in _rows) widths[c] = Math.Max(widths[c], row[c].Length);
        }
        var layout = TableWidth.Fit(headers, widths, _dropOrder);
        layout.WriteLine(output, headers);
        layout.WriteLine(output, [.. widths.Select((_, c) => new string('-', layout.Width(c)))]);
        foreach (var row in _rows) layout.WriteLine(output, row);
    }
}
