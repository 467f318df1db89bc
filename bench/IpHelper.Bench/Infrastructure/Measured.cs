using System.Globalization;

namespace IpHelper.Bench.Infrastructure;

/// <summary>
/// One program run inside a benchmark namespace under <c>measure</c>: its wall time, its peak RSS
/// and the <c>key=value</c> figures it printed.
/// </summary>
internal sealed class Measured
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private Measured() { }

    public double WallMs => this["wall_ms"];

    public double RssMb => this["rss_kb"] / 1024.0;

    /// <summary>A figure as printed, or null when the program did not print it.</summary>
    public string? Text(string key) => _values.GetValueOrDefault(key);

    public double this[string key] => double.Parse(_values[key], CultureInfo.InvariantCulture);

    /// <summary>Runs <c>ip netns exec NS measure [-q] COMMAND</c>; <paramref name="quiet"/> discards the program's output.</summary>
    public static Measured Run(BenchNamespace ns, Peers peers, bool quiet, params string[] command)
    {
        var output = ns.Exec([peers.Measure, .. quiet ? ["-q"] : Array.Empty<string>(), .. command]).Output;
        return Parse(output);
    }

    /// <summary>Every <c>key=value</c> token in <paramref name="output"/>.</summary>
    public static Measured Parse(string output)
    {
        var measured = new Measured();
        foreach (var token in output.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) measured._values[token[..equals]] = token[(equals + 1)..];
        }
        return measured;
    }

    /// <summary>Runs the command <paramref name="runs"/> times (output discarded) and returns the median wall time and the largest peak RSS.</summary>
    public static (double Ms, double RssMb) Processes(BenchNamespace ns, Peers peers, int runs, params string[] command)
    {
        var times = new List<double>();
        var rss = 0.0;
        for (var i = 0; i < runs; i++)
        {
            var run = Run(ns, peers, quiet: true, command);
            times.Add(run.WallMs);
            rss = Math.Max(rss, run.RssMb);
        }
        return (Report.Median(times), rss);
    }
}
