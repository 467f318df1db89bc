using System.Globalization;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Cold start of the CLI listing a small route table: the NativeAOT binary and the JIT build
/// (<c>dotnet iphelper.dll</c>), both published here from src/IpHelper.Cli, against <c>ip route show</c>.
/// The runs interleave the three commands, so that load changes hit them alike; median wall time.
/// </summary>
internal static class ColdStartWorkload
{
    private const int Runs = 41;

    public static Section Run(ReportOptions options, Peers peers)
    {
        var section = new Section("Cold start: listing a small route table", $"{DumpWorkload.Command(options)} --only coldstart");
        var project = Path.Combine(options.Repository, "src", "IpHelper.Cli");
        var aotDir = Path.Combine(peers.Directory, "aot");
        var jitDir = Path.Combine(peers.Directory, "jit");
        Console.WriteLine("coldstart: publishing the CLI (NativeAOT and JIT)");
        Shell.Run("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", aotDir]);
        Shell.Run("dotnet", ["publish", project, "-c", "Release", "-p:PublishAot=false", "-o", jitDir]);
        var aot = NativeBinary(aotDir);
        var jit = ManagedEntry(jitDir);
        section.Note($"`{CliName(aot)} route list` (the CLI's whole-table listing, the counterpart of `ip route show`) in a namespace " +
            $"with a veth, its connected route and 10 gateway routes; {Runs} runs of each, interleaved, median process wall time (process start to exit, output to /dev/null). " +
            $"Built by the report with `dotnet publish src/IpHelper.Cli -c Release -r linux-x64 -p:PublishAot=true` " +
            $"({new FileInfo(aot).Length / 1e6:0.0} MB binary) and `-p:PublishAot=false` for the JIT build.");
        section.Columns("Command", "Median", "Peak RSS", "Time / `ip route show`", "Run as (inside the namespace)");

        using var ns = new BenchNamespace();
        ns.AddUplink();
        for (var i = 1; i <= 10; i++) ns.Ip("route", "add", $"198.51.100.{i}/32", "via", "192.0.2.254", "dev", "v0");
        var ways = new (string Name, string[] Command)[]
        {
            ("NativeAOT", [aot, "route", "list"]),
            ("JIT", ["dotnet", jit, "route", "list"]),
            ("ip route show", ["ip", "route", "show"]),
        };
        var times = ways.Select(_ => new List<double>()).ToArray();
        var rss = new double[ways.Length];
        for (var run = 0; run < Runs; run++)
            for (var w = 0; w < ways.Length; w++)
            {
                var measured = Measured.Run(ns, peers, quiet: true, ways[w].Command);
                times[w].Add(measured.WallMs);
                rss[w] = Math.Max(rss[w], measured.RssMb);
            }
        var medians = times.Select(Report.Median).ToArray();
        for (var w = 0; w < ways.Length; w++)
            section.Row(ways[w].Name, Section.Ms(medians[w]), Section.Number(rss[w], "MB"), Section.Number(medians[w] / medians[2], "x"),
                $"`{peers.Display(ways[w].Command)}`");
        section.Target("NativeAOT cold start / `ip route show`", medians[0] / medians[2], 3, atMost: true, "x");
        return section;
    }

    /// <summary>The published native executable: iphelper or IpHelper.Cli, whichever the project names it.</summary>
    private static string NativeBinary(string directory) =>
        new[] { "iphelper", "IpHelper.Cli" }.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"no iphelper or IpHelper.Cli executable in {directory}");

    /// <summary>The JIT build's entry assembly: the .dll next to its .runtimeconfig.json.</summary>
    private static string ManagedEntry(string directory)
    {
        var config = Directory.GetFiles(directory, "*.runtimeconfig.json").SingleOrDefault()
            ?? throw new InvalidOperationException($"no runtimeconfig.json in {directory}");
        return config[..^".runtimeconfig.json".Length] + ".dll";
    }

    private static string CliName(string binary) => Path.GetFileName(binary) == "iphelper" ? "iphelper" : "IpHelper.Cli";
}
