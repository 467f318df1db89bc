using System.Globalization;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// One workload's part of the report: what it measured (a table), the targets it checks, and the
/// command that reproduces it. Rows and targets are printed to the console as they come in and
/// written to docs/performance.md at the end.
/// </summary>
internal sealed class Section(string title, string reproduce)
{
    private readonly List<string> _notes = [];
    private readonly List<string[]> _rows = [];
    private readonly List<string[]> _targets = [];
    private string[] _header = [];

    public string Title => title;

    /// <summary>The targets checked: what, measured, limit, verdict.</summary>
    public IReadOnlyList<string[]> Targets => _targets;

    public void Note(string text)
    {
        _notes.Add(text);
        Console.WriteLine($"  ({text})");
    }

    public void Columns(params string[] header) => _header = header;

    public void Row(params string[] cells)
    {
        _rows.Add(cells);
        Console.WriteLine("  " + string.Join(" | ", cells));
    }

    /// <summary>Checks <paramref name="value"/> against a target; <paramref name="atMost"/> says whether the target is an upper bound.</summary>
    public void Target(string what, double value, double limit, bool atMost, string unit)
    {
        var met = atMost ? value <= limit : value >= limit;
        var cells = new[] { what, Number(value, unit), $"{(atMost ? "<=" : ">=")} {Number(limit, unit)}", met ? "met" : "**not met**" };
        _targets.Add(cells);
        Console.WriteLine($"  target {what}: {cells[1]} {cells[2]} {(met ? "MET" : "NOT MET")}");
    }

    public void Write(TextWriter writer)
    {
        writer.WriteLine($"## {title}");
        writer.WriteLine();
        writer.WriteLine($"Reproduce: `{reproduce}`");
        writer.WriteLine();
        foreach (var note in _notes)
        {
            writer.WriteLine(note);
            writer.WriteLine();
        }
        if (_rows.Count > 0)
        {
            Table(writer, _header, _rows);
            writer.WriteLine();
        }
        if (_targets.Count > 0)
        {
            Table(writer, ["Target", "Measured", "Limit", "Verdict"], _targets);
            writer.WriteLine();
        }
    }

    public static string Number(double value, string unit = "") => unit switch
    {
        "x" => string.Create(CultureInfo.InvariantCulture, $"{value:0.00}x"),
        "" => string.Create(CultureInfo.InvariantCulture, $"{value:#,0.###}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:#,0.#} {unit}"),
    };

    public static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:#,0.0} ms");

    public static string Us(double us) => string.Create(CultureInfo.InvariantCulture, $"{us:#,0.0} µs");

    private static void Table(TextWriter writer, string[] header, List<string[]> rows)
    {
        writer.WriteLine("| " + string.Join(" | ", header) + " |");
        writer.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", header.Length)));
        foreach (var row in rows) writer.WriteLine("| " + string.Join(" | ", row) + " |");
    }
}
