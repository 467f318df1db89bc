using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// <c>report [options]</c> (see <see cref="ReportOptions"/>; normally started by bench/run-all.sh, as
/// root): builds the peers, runs every workload in throw-away namespaces, and rewrites
/// docs/performance.md below its marker line (the hand-written text above it is kept) and the plot
/// docs/performance-routes.png. With <c>--only</c>, the document is written only when <c>--out</c> is given.
/// Every section says the CPU, kernel and load average it ran with. Headline figures (the ratios of
/// <see cref="ShapesWorkload"/>) are written to docs/performance-headline.json and the README only from a
/// full run of at least <see cref="ReportOptions.MinimumRounds"/> rounds that started at a 1-minute load
/// average at or below <see cref="Machine.HeadlineLoadLimit"/> and during which other processes used at most
/// <see cref="OtherActivity.HeadlineLimit"/> CPUs on average; any other run says loudly in the
/// document that its figures are not headline figures. <c>--check</c> reruns the headline rows and fails
/// when a ratio moved more than 15% from the committed one.
/// </summary>
internal static class PerformanceReport
{
    public const string Marker = "<!-- Everything below this line is written by bench/run-all.sh: edit the text above it. -->";
    public const string PlotFile = "performance-routes.png";
    public const string ReadmeStart = "<!-- headline figures: written by bench/run-all.sh from a quiet run -->";
    public const string ReadmeEnd = "<!-- end of headline figures -->";

    public static int Run(string[] args)
    {
        var options = ReportOptions.Parse(args);
        if (options.EstimateOnly)
        {
            Estimates(options);
            return 0;
        }
        if (Environment.UserName != "root")
        {
            Console.Error.WriteLine("report: needs root (it creates network namespaces)");
            return 2;
        }
        if (options.Check) return Check(options);
        var estimates = Estimates(options);
        var sections = new List<Section>();
        var headlines = new List<Headline>();
        var durations = new List<string>();
        string loadBefore;
        double startLoad;
        double peakLoad;
        OtherActivity runStart;
        Stopwatch watch;
        using (var peers = Peers.Build())
        {
            // Only a run that can give headline figures waits for a quiet start.
            var eligible = options.Only.Length == ReportOptions.Workloads.Length && options.Rounds >= ReportOptions.MinimumRounds;
            startLoad = eligible ? Machine.SettleLoad() : Machine.Load1();
            loadBefore = Machine.LoadAverage();
            peakLoad = startLoad;
            runStart = OtherActivity.Sample();
            watch = Stopwatch.StartNew();
            void Workload(string name, Func<IEnumerable<Section>> run)
            {
                if (!options.Includes(name)) return;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report: {name}: estimated {estimates[name].TotalMinutes:0.0} min"));
                var before = Machine.LoadAverage();
                var activity = OtherActivity.Sample();
                peakLoad = Math.Max(peakLoad, Machine.Load1());
                var took = Stopwatch.StartNew();
                var produced = run().ToList();
                took.Stop();
                var after = Machine.LoadAverage();
                var others = OtherActivity.Sample().CpusSince(activity);
                peakLoad = Math.Max(peakLoad, Machine.Load1());
                var duration = string.Create(CultureInfo.InvariantCulture, $"{took.Elapsed.TotalMinutes:0.0} min (estimated {estimates[name].TotalMinutes:0.0} min)");
                Console.WriteLine($"report: {name}: took {duration}");
                durations.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {took.Elapsed.TotalMinutes:0.0} ({estimates[name].TotalMinutes:0.0})"));
                foreach (var section in produced)
                    section.Note(string.Create(CultureInfo.InvariantCulture,
                        $"Measured on: {Machine.Describe(before, after)}; other processes used {others:0.00} CPUs meanwhile; the `{name}` workload took {duration}."));
                sections.AddRange(produced);
            }
            Workload("shapes", () => ShapesWorkload.Run(options, peers, headlines));
            Workload("dump", () =>
            {
                var points = new List<DumpWorkload.Point>();
                var dump = DumpWorkload.Run(options, peers, points).ToList();
                Plot(points, peers, Path.Combine(Path.GetDirectoryName(options.Out)!, PlotFile));
                return dump;
            });
            Workload("interfaces", () => [InterfaceWorkload.Run(options, peers)]);
            Workload("insert", () => [InsertWorkload.Run(options, peers)]);
            Workload("flood", () => [FloodWorkload.Run(options, peers)]);
            Workload("mirror", () => [MirrorFloodWorkload.Run(options)]);
            Workload("coldstart", () => [ColdStartWorkload.Run(options, peers)]);
        }
        var otherCpus = OtherActivity.Sample().CpusSince(runStart);
        var machine = string.Create(CultureInfo.InvariantCulture,
            $"{Machine.Describe(loadBefore, Machine.LoadAverage())}, other processes {otherCpus:0.00} CPUs");
        var run = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {watch.Elapsed.TotalMinutes:0.0} min (per workload, min taken (estimated): {string.Join(", ", durations)}); {machine}; highest 1-minute load average seen {peakLoad:0.00} (the benchmark's own process counts in it); " +
            $"{RuntimeInformation.FrameworkDescription}; {Peers.Versions()}");
        Console.WriteLine(run);
        var partial = options.Only.Length < ReportOptions.Workloads.Length;
        var quiet = startLoad <= Machine.HeadlineLoadLimit && otherCpus <= OtherActivity.HeadlineLimit;
        var headline = !partial && options.Rounds >= ReportOptions.MinimumRounds && quiet && headlines.Count > 0;
        var refusal = headline ? null : NotHeadline(partial, options, startLoad, otherCpus);
        if (refusal is not null) Console.WriteLine($"report: NOT HEADLINE FIGURES: {refusal}");
        if (partial && !args.Contains("--out"))
        {
            Console.WriteLine("report: --only without --out: docs/performance.md left as it is");
            return 0;
        }
        Write(options.Out, run, DumpWorkload.Command(options), sections, refusal);
        Console.WriteLine($"report: wrote {options.Out}");
        if (headline)
        {
            var json = Path.Combine(Path.GetDirectoryName(options.Out)!, Headline.FileName);
            Headline.Write(json, headlines, machine, DumpWorkload.Command(options), options);
            WriteReadme(Path.Combine(options.Repository, "README.md"), headlines, machine, DumpWorkload.Command(options));
            Console.WriteLine($"report: wrote the headline figures to {json} and README.md");
        }
        return 0;
    }

    /// <summary>How long each included workload should take on a quiet 2-CPU machine (each workload's model of its own cost); prints them.</summary>
    private static Dictionary<string, TimeSpan> Estimates(ReportOptions options)
    {
        var all = new Dictionary<string, TimeSpan>
        {
            ["shapes"] = ShapesWorkload.Estimate(options),
            ["dump"] = DumpWorkload.Estimate(options),
            ["interfaces"] = InterfaceWorkload.Estimate(options),
            ["insert"] = InsertWorkload.Estimate(options),
            ["flood"] = FloodWorkload.Estimate(options),
            ["mirror"] = MirrorFloodWorkload.Estimate(options),
            ["coldstart"] = ColdStartWorkload.Estimate(),
        };
        var included = all.Where(e => options.Includes(e.Key)).ToDictionary();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report: estimated {included.Values.Sum(e => e.TotalMinutes):0.0} min on a quiet 2-CPU machine, after the build " +
            $"({string.Join(", ", included.Select(e => $"{e.Key} {e.Value.TotalMinutes:0.0}"))})"));
        return included;
    }

    /// <summary>Why a run's figures are not headline figures.</summary>
    private static string NotHeadline(bool partial, ReportOptions options, double startLoad, double otherCpus)
    {
        var reasons = new List<string>();
        if (startLoad > Machine.HeadlineLoadLimit)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the 1-minute load average was {startLoad:0.00} when the run started (headline figures need {Machine.HeadlineLoadLimit:0} or less)"));
        if (otherCpus > OtherActivity.HeadlineLimit)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"other processes used {otherCpus:0.00} CPUs on average during the run (headline figures need {OtherActivity.HeadlineLimit:0.00} or less)"));
        if (options.Rounds < ReportOptions.MinimumRounds) reasons.Add($"{options.Rounds} rounds (headline figures need {ReportOptions.MinimumRounds})");
        if (partial) reasons.Add("not every workload ran");
        return string.Join("; ", reasons);
    }

    /// <summary>Reruns the headline rows with the committed sizes and compares each ratio with the committed one.</summary>
    private static int Check(ReportOptions options)
    {
        var path = Path.Combine(Path.GetDirectoryName(options.Out)!, Headline.FileName);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"check: {path} does not exist: run bench/run-all.sh on a quiet machine first");
            return 2;
        }
        var committed = Headline.Options(path, options);
        var headlines = new List<Headline>();
        using (var peers = Peers.Build())
        {
            var load = Machine.SettleLoad();
            Console.WriteLine($"check: {Machine.CpuModel}, {Environment.ProcessorCount} CPUs, kernel {Machine.Kernel}, load average {Machine.LoadAverage()}");
            if (load > Machine.HeadlineLoadLimit && !options.Force)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"check: the 1-minute load average is {load:0.00}: ratios measured now are not comparable with the committed ones (--force to check anyway)"));
                return 3;
            }
            var start = OtherActivity.Sample();
            foreach (var section in ShapesWorkload.Run(committed, peers, headlines)) _ = section;
            var others = OtherActivity.Sample().CpusSince(start);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check: other processes used {others:0.00} CPUs during the check"));
            if (others > OtherActivity.HeadlineLimit && !options.Force)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"check: other processes used {others:0.00} CPUs (limit {OtherActivity.HeadlineLimit:0.00}): the ratios are not comparable with the committed ones (--force to compare anyway)"));
                return 3;
            }
        }
        var ok = Headline.Check(path, headlines);
        Console.WriteLine(ok ? "check: every headline ratio is within 15% of the committed value" : "check: FAILED: a headline ratio drifted more than 15%");
        return ok ? 0 : 1;
    }

    private static void Write(string path, string run, string command, List<Section> sections, string? refusal)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        var header = at >= 0 ? text[..at] : "# Performance\n\n";
        using var writer = new StreamWriter(path);
        writer.Write(header);
        writer.WriteLine(Marker);
        writer.WriteLine();
        if (refusal is not null)
        {
            writer.WriteLine($"> **NOT HEADLINE FIGURES.** This run does not qualify: {refusal}. Its figures say how the code behaves " +
                "under these conditions, not what it costs on a quiet machine; README.md and performance-headline.json were left as they were.");
            writer.WriteLine();
        }
        writer.WriteLine($"Run: {run}.");
        writer.WriteLine();
        writer.WriteLine($"Command: `{command}` (every option has a default; `--only WORKLOAD` reruns one section; " +
            "`sudo bench/run-all.sh --check` reruns the headline rows and fails when a ratio moved more than 15% from performance-headline.json).");
        writer.WriteLine();
        writer.WriteLine("## Targets");
        writer.WriteLine();
        writer.WriteLine("| Section | Target | Measured | Limit | Verdict |");
        writer.WriteLine("|---|---|---|---|---|");
        foreach (var section in sections)
            foreach (var target in section.Targets)
                writer.WriteLine($"| {section.Title} | {string.Join(" | ", target)} |");
        writer.WriteLine();
        foreach (var section in sections) section.Write(writer);
    }

    /// <summary>Rewrites the README's headline block (between its two markers) from a headline run.</summary>
    private static void WriteReadme(string path, List<Headline> headlines, string machine, string command)
    {
        var text = File.ReadAllText(path);
        var start = text.IndexOf(ReadmeStart, StringComparison.Ordinal);
        var end = text.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidOperationException($"README.md has no headline block ({ReadmeStart} ... {ReadmeEnd})");
        var lines = new List<string>
        {
            ReadmeStart, "",
            $"Last quiet run, {DateTime.UtcNow:yyyy-MM-dd} ({machine}), command `{command}`; median of the alternating rounds, with min and max:", "",
        };
        lines.AddRange(headlines.Select(h => $"- {h.What}: **{h.Ratio.Format("0.00", "x")}**"));
        lines.Add("");
        File.WriteAllText(path, text[..start] + string.Join('\n', lines) + "\n" + text[end..]);
    }

    private static void Plot(List<DumpWorkload.Point> points, Peers peers, string png)
    {
        var csv = Path.Combine(peers.Directory, "points.csv");
        File.WriteAllLines(csv, ["reader,size,ms,rss_mb", .. points.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Reader},{p.Size},{p.Ms:0.###},{p.RssMb:0.###}"))]);
        Shell.Run(Peers.Python, [Peers.PlotScript, csv, png]);
        Console.WriteLine($"report: plotted {png}");
    }
}
