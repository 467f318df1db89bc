using System.Globalization;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// Cold start of the CLI listing a small route table: the NativeAOT binary and the JIT build
/// (<c>dotnet iphelper.dll</c>), both published here from src/IpHelper.Cli, against <c>ip route show</c>.
/// The runs alternate the three commands (A B C, C B A, ...), so that load changes hit them alike; median
/// wall time with min and max, ratios the median of the per-run ratios.
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
            $"with a veth, its connected route and 10 gateway routes; {Runs} alternating rounds (A B C, C B A, ...), median process wall time (min-max; process start to exit, output to /dev/null), " +
            "ratios the median of the per-round ratios. " +
            $"Built by the report with `dotnet publish src/IpHelper.Cli -c Release -r linux-x64 -p:PublishAot=true` " +
            $"({new FileInfo(aot).Length / 1e6:0.0} MB binary) and `-p:PublishAot=false` for the JIT build.");
        section.Columns("Command", "Time", "Peak RSS", "Time / `ip route show`", "Run as (inside the namespace)");

        using var ns = new BenchNamespace();
        ns.AddUplink();
        for (var i = 1; i <= 10; i++) ns.Ip("route", "add", $"198.51.100.{i}/32", "via", "192.0.2.254", "dev", "v0");
        var ways = new (string Name, string[] Command)[]
        {
            ("NativeAOT", [aot, "route", "list"]),
            ("JIT", ["dotnet", jit, "route", "list"]),
            ("ip route show", ["ip", "route", "show"]),
        };
        var measured = Alternating.Run(Runs, ways.Length, (w, _) => Measured.Run(ns, peers, quiet: true, ways[w].Command));
        List<double> Times(int w) => [.. measured[w].Select(m => m.WallMs)];
        var ip = Times(2);
        for (var w = 0; w < ways.Length; w++)
            section.Row(ways[w].Name, Spread.Of(Times(w)).Format("#,0.0", " ms"), Section.Number(measured[w].Max(m => m.RssMb), "MB"),
                Alternating.Ratio(Times(w), ip).Format("0.00", "x"), $"`{peers.Display(ways[w].Command)}`");
        section.Target("NativeAOT cold start / `ip route show` (median of rounds)", Alternating.Ratio(Times(0), ip).Median, 3, atMost: true, "x");
        return section;
    }

    /// <summary>The expected duration on a quiet 2-CPU machine: the two publishes (NativeAOT compiles the whole program) and the runs.</summary>
    public static TimeSpan Estimate() => TimeSpan.FromSeconds(75 + Runs * 0.25);

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
