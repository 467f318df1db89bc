using System.Globalization;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// The report's options: <c>--sizes 10000,30000,...</c> (route table sizes, the last one also for
/// best-route lookups), <c>--runs R</c>, <c>--insert N</c>, <c>--flood N</c>, <c>--calls N</c>,
/// <c>--only a,b</c> (workloads: dump, interfaces, insert, flood, mirror, coldstart) and <c>--out FILE</c>
/// (default docs/performance.md of the repository the command runs in, which also gives the CLI to publish).
/// </summary>
internal sealed record ReportOptions(int[] Sizes, int Runs, int Insert, int Flood, int Calls, string[] Only, string Repository, string Out)
{
    public static readonly string[] Workloads = ["dump", "interfaces", "insert", "flood", "mirror", "coldstart"];

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
        return new ReportOptions(sizes, Number("--runs", 5), Number("--insert", 100_000), Number("--flood", 1_000_000),
            Number("--calls", 20_000), only, repository, Value("--out") ?? Path.Combine(repository, "docs", "performance.md"));
    }

    /// <summary>The nearest directory upwards from the current one that holds IpHelper.slnx.</summary>
    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IpHelper.slnx"))) return dir.FullName;
        throw new InvalidOperationException("run the report from inside the repository");
    }
}
