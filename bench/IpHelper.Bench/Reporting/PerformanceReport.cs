using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// <c>report [options]</c> (see <see cref="ReportOptions"/>; normally started by bench/run-all.sh, as
/// root): builds the peers, runs every workload in throw-away namespaces, and rewrites
/// docs/performance.md below its marker line (the hand-written text above it is kept) and the plot
/// docs/performance-routes.png. With <c>--only</c>, the document is written only when <c>--out</c> is given.
/// </summary>
internal static class PerformanceReport
{
    public const string Marker = "<!-- Everything below this line is written by bench/run-all.sh: edit the text above it. -->";
    public const string PlotFile = "performance-routes.png";

    public static int Run(string[] args)
    {
        var options = ReportOptions.Parse(args);
        if (Environment.UserName != "root")
        {
            Console.Error.WriteLine("report: needs root (it creates network namespaces)");
            return 2;
        }
        var loadBefore = LoadAverage();
        var watch = Stopwatch.StartNew();
        var sections = new List<Section>();
        using (var peers = Peers.Build())
        {
            if (options.Includes("dump"))
            {
                var points = new List<DumpWorkload.Point>();
                sections.AddRange(DumpWorkload.Run(options, peers, points));
                Plot(points, peers, Path.Combine(Path.GetDirectoryName(options.Out)!, PlotFile));
            }
            if (options.Includes("interfaces")) sections.Add(InterfaceWorkload.Run(options, peers));
            if (options.Includes("insert")) sections.Add(InsertWorkload.Run(options, peers));
            if (options.Includes("flood")) sections.Add(FloodWorkload.Run(options, peers));
            if (options.Includes("mirror")) sections.Add(MirrorFloodWorkload.Run(options));
            if (options.Includes("coldstart")) sections.Add(ColdStartWorkload.Run(options, peers));
        }
        var run = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {watch.Elapsed.TotalMinutes:0.0} min; {Environment.ProcessorCount} CPUs, " +
            $"kernel {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}, load average {loadBefore} before and {LoadAverage()} after; " +
            $"{RuntimeInformation.FrameworkDescription}; {Peers.Versions()}");
        Console.WriteLine(run);
        var partial = options.Only.Length < ReportOptions.Workloads.Length;
        if (partial && !args.Contains("--out"))
        {
            Console.WriteLine("report: --only without --out: docs/performance.md left as it is");
            return 0;
        }
        Write(options.Out, run, DumpWorkload.Command(options), sections);
        Console.WriteLine($"report: wrote {options.Out}");
        return 0;
    }

    private static void Write(string path, string run, string command, List<Section> sections)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        var header = at >= 0 ? text[..at] : "# Performance\n\n";
        using var writer = new StreamWriter(path);
        writer.Write(header);
        writer.WriteLine(Marker);
        writer.WriteLine();
        writer.WriteLine($"Run: {run}.");
        writer.WriteLine();
        writer.WriteLine($"Command: `{command}` (every option has a default; `--only WORKLOAD` reruns one section).");
        writer.WriteLine();
        writer.WriteLine("## Targets");
        writer.WriteLine();
        writer.WriteLine("| Section | Target | Measured | Limit | Verdict | From |");
        writer.WriteLine("|---|---|---|---|---|---|");
        foreach (var section in sections)
            foreach (var target in section.Targets)
                writer.WriteLine($"| {section.Title} | {string.Join(" | ", target)} |");
        writer.WriteLine();
        foreach (var section in sections) section.Write(writer);
    }

    private static void Plot(List<DumpWorkload.Point> points, Peers peers, string png)
    {
        var csv = Path.Combine(peers.Directory, "points.csv");
        File.WriteAllLines(csv, ["reader,size,ms,rss_mb", .. points.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Reader},{p.Size},{p.Ms:0.###},{p.RssMb:0.###}"))]);
        Shell.Run(Peers.Python, [Peers.PlotScript, csv, png]);
        Console.WriteLine($"report: plotted {png}");
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
