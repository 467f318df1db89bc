using System.Globalization;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// The report's options: <c>--sizes 10000,30000,...</c> (route table sizes, the last one also for
/// best-route lookups and the IPv4 table shapes), <c>--runs R</c>, <c>--insert N</c>, <c>--flood N</c>, <c>--calls N</c>,
/// <c>--rounds R</c> (alternating rounds of every workload, default 5, at least 5 for headline figures; a few very slow
/// peers take part in fewer, as their sections say), <c>--ipv6-size N</c> (the IPv6
/// full table, 220,000 routes), <c>--shapes sequential,bgp,ipv6</c> (the tables of the shapes and flood workloads), <c>--only a,b</c> (workloads: shapes, dump,
/// interfaces, insert, flood, mirror, coldstart), <c>--out FILE</c> (default docs/performance.md of the repository the
/// command runs in, which also gives the CLI to publish), <c>--check</c> (rerun the headline rows and compare them
/// with docs/performance-headline.json, writing nothing), <c>--force</c> (check even when the machine is busy) and
/// <c>--estimate</c> (print how long each workload should take with these options, run nothing).
/// </summary>
internal sealed record ReportOptions(int[] Sizes, int Runs, int Insert, int Flood, int Calls, string[] Only, string Repository, string Out,
    int Rounds, int Ipv6Size, string[] Shapes, bool Check, bool Force, bool EstimateOnly)
{
    public static readonly string[] Workloads = ["shapes", "dump", "interfaces", "insert", "flood", "mirror", "coldstart"];

    /// <summary>The fewest alternating rounds a headline figure may come from.</summary>
    public const int MinimumRounds = 5;

    public int LargestSize => Sizes[^1];

    public bool Includes(string workload) => Only.Contains(workload);

    public static ReportOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var sizes = (Value("--sizes") ?? "10000,30000,100000,300000,1000000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToArray();
        var only = Value("--only")?.Split(',') ?? Workloads;
        var unknown = only.Except(Workloads).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"unknown workload {string.Join(',', unknown)}; known: {string.Join(',', Workloads)}");
        var repository = FindRepository();
        var rounds = Number("--rounds", MinimumRounds);
        if (rounds < 1) throw new ArgumentException("--rounds must be at least 1");
        var shapes = (Value("--shapes") ?? "sequential,bgp,ipv6").Split(',');
        return new ReportOptions(sizes, Number("--runs", 5), Number("--insert", 100_000), Number("--flood", 1_000_000),
            Number("--calls", 20_000), only, repository, Value("--out") ?? Path.Combine(repository, "docs", "performance.md"),
            rounds, Number("--ipv6-size", 220_000), shapes, args.Contains("--check"), args.Contains("--force"), args.Contains("--estimate"));
    }

    /// <summary>The nearest directory upwards from the current one that holds IpHelper.slnx.</summary>
    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IpHelper.slnx"))) return dir.FullName;
        throw new InvalidOperationException("run the report from inside the repository");
    }
}
