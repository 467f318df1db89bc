namespace IpHelper.Cli.Output;

/// <summary>An aligned text table, columns padded to their widest cell, like PowerShell's Format-Table.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter output)
    {
        var widths = new int[headers.Length];
        for (var c = 0; c < headers.Length; c++)
        {
            widths[c] = headers[c].Length;
            foreach (var row in _rows) widths[c] = Math.Max(widths[c], row[c].Length);
        }
        WriteLine(output, headers, widths);
        WriteLine(output, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows) WriteLine(output, row, widths);
    }

    private static void WriteLine(TextWriter output, string[] cells, int[] widths)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            if (c > 0) output.Write(' ');
            output.Write(c == cells.Length - 1 ? cells[c] : cells[c].PadRight(widths[c]));
        }
        output.WriteLine();
    }
}
