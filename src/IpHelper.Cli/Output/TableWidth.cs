namespace IpHelper.Cli.Output;

/// <summary>
/// How wide a table may be: the terminal's width when stdout is a terminal and --wide is off, else
/// unlimited, so pipes and files always get the same full table whatever the terminal.
/// </summary>
internal static class TableWidth
{
    /// <summary>The width tables must fit in, or null for no limit; set once per command.</summary>
    public static int? Current { get; set; }

    /// <summary>The terminal's width, or null when stdout is not a terminal or <paramref name="wide"/> is set.</summary>
    public static int? For(bool wide)
    {
        if (wide || Console.IsOutputRedirected) return null;
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Which columns to show and how wide, for column <paramref name="widths"/> (widened to the cells).</summary>
    public static Layout Fit(string[] headers, int[] widths, string[] dropOrder)
    {
        var shown = Enumerable.Repeat(true, headers.Length).ToArray();
        var limits = (int[])widths.Clone();
        if (Current is not { } max) return new Layout(shown, limits);
        foreach (var name in dropOrder)
        {
            if (Total(shown, limits) <= max) break;
            var c = Array.IndexOf(headers, name);
            if (c >= 0) shown[c] = false;
        }
        // Then the widest shown column gives up one character at a time, down to 8 (or its header's width, when shorter).
        while (Total(shown, limits) > max)
        {
            var widest = -1;
            for (var c = 0; c < limits.Length; c++)
                if (shown[c] && limits[c] > Math.Min(8, headers[c].Length) && (widest < 0 || limits[c] > limits[widest])) widest = c;
            if (widest < 0) break;
            limits[widest]--;
        }
        return new Layout(shown, limits);
    }

    private static int Total(bool[] shown, int[] widths)
    {
        var total = -1;
        for (var c = 0; c < widths.Length; c++)
            if (shown[c]) total += widths[c] + 1;
        return total;
    }

    /// <summary>The columns shown and their widths; writes rows padded and cut to them.</summary>
    public sealed class Layout(bool[] shown, int[] widths)
    {
        public bool IsShown(int column) => shown[column];

        public int Width(int column) => widths[column];

        public void WriteLine(TextWriter output, string[] cells)
        {
            var last = Array.LastIndexOf(shown, true);
            var first = true;
            for (var c = 0; c <= last; c++)
            {
                if (!shown[c]) continue;
                if (!first) output.Write(' ');
                first = false;
                WriteCell(output, cells[c], widths[c], pad: c != last);
            }
            output.WriteLine();
        }

        /// <summary>One cell into a line buffer, as <see cref="WriteCell"/> writes it; returns the characters used.</summary>
        public static int PutCell(Span<char> destination, ReadOnlySpan<char> cell, int width, bool pad)
        {
            if (cell.Length > width)
            {
                cell[..(width - 1)].CopyTo(destination);
                destination[width - 1] = '…';
                return width;
            }
            cell.CopyTo(destination);
            if (!pad) return cell.Length;
            destination[cell.Length..width].Fill(' ');
            return width;
        }

        /// <summary>One ASCII cell into a UTF-8 line buffer, as <see cref="PutCell(Span{char}, ReadOnlySpan{char}, int, bool)"/> puts it; returns the bytes used.</summary>
        public static int PutCell(Span<byte> destination, ReadOnlySpan<byte> cell, int width, bool pad)
        {
            if (cell.Length > width)
            {
                cell[..(width - 1)].CopyTo(destination);
                "…"u8.CopyTo(destination[(width - 1)..]);
                return width - 1 + "…"u8.Length;
            }
            cell.CopyTo(destination);
            if (!pad) return cell.Length;
            destination[cell.Length..width].Fill((byte)' ');
            return width;
        }

        /// <summary>One cell: cut to <paramref name="width"/> with '…' when longer, padded with spaces when <paramref name="pad"/>.</summary>
        public static void WriteCell(TextWriter output, ReadOnlySpan<char> cell, int width, bool pad)
        {
            if (cell.Length > width)
            {
                output.Write(cell[..(width - 1)]);
                output.Write('…');
                return;
            }
            output.Write(cell);
            if (pad)
                for (var i = cell.Length; i < width; i++) output.Write(' ');
        }
    }
}
