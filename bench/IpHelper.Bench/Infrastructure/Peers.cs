namespace IpHelper.Bench.Infrastructure;

/// <summary>
/// The report's peer programs, built into a temporary directory deleted on Dispose: the C programs
/// (gcc -O2), the Go vishvananda/netlink program (offline, GOPATH mode against Debian's
/// /usr/share/gocode) and the pyroute2 script (Debian's /usr/bin/python3, not a pyenv python).
/// </summary>
internal sealed class Peers : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private Peers(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>bench/c/measure.c: wall time and peak RSS of one process.</summary>
    public string Measure => Path.Combine(Directory, "measure");

    /// <summary>bench/c/route_dump.c: the C netlink dump reader.</summary>
    public string RouteDump => Path.Combine(Directory, "route_dump");

    /// <summary>bench/c/route_get.c: C RTM_GETROUTE round trips.</summary>
    public string RouteGet => Path.Combine(Directory, "route_get");

    /// <summary>bench/c/route_get_pair.c: the two RTM_GETROUTE requests GetBestRoute2 makes, in one sendmsg.</summary>
    public string RouteGetPair => Path.Combine(Directory, "route_get_pair");

    /// <summary>bench/go/peer.go, built.</summary>
    public string Go => Path.Combine(Directory, "peer-go");

    /// <summary>bench/python/peer.py.</summary>
    public static string PyRoute2Script => Path.Combine(AppContext.BaseDirectory, "python", "peer.py");

    /// <summary>bench/plot/plot.py.</summary>
    public static string PlotScript => Path.Combine(AppContext.BaseDirectory, "plot", "plot.py");

    /// <summary>Builds every peer; throws when a compiler fails.</summary>
    public static Peers Build()
    {
        var peers = new Peers(Path.Combine(Path.GetTempPath(), $"iph-bench-peers-{Environment.ProcessId}"));
        System.IO.Directory.CreateDirectory(peers.Directory);
        var c = Path.Combine(AppContext.BaseDirectory, "c");
        foreach (var program in new[] { "measure", "route_dump", "route_get", "route_get_pair" })
            Shell.Run("gcc", ["-O2", "-o", Path.Combine(peers.Directory, program), Path.Combine(c, program + ".c")]);
        var go = new System.Diagnostics.ProcessStartInfo("go", ["build", "-o", peers.Go, Path.Combine(AppContext.BaseDirectory, "go", "peer.go")])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        go.Environment["GO111MODULE"] = "off";
        go.Environment["GOPATH"] = "/usr/share/gocode";
        go.Environment["GOCACHE"] = Path.Combine(peers.Directory, "gocache");
        go.Environment["GOFLAGS"] = "";
        using var build = System.Diagnostics.Process.Start(go)!;
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0) throw new InvalidOperationException($"go build failed: {errors}");
        return peers;
    }

    /// <summary>The peers' Debian package versions, for the report.</summary>
    public static string Versions()
    {
        string[] packages = ["iproute2", "gcc", "golang-go", "golang-github-vishvananda-netlink-dev", "python3-pyroute2"];
        return string.Join(", ", packages.Select(p => $"{p} {Shell.Run("dpkg-query", ["-W", "-f=${Version}", p]).Output.Trim()}"));
    }

    /// <summary>A command as the report shows it: the peers by their source name, this program as IpHelper.Bench.</summary>
    public string Display(IEnumerable<string> command) => string.Join(' ', command.Select(argument =>
        argument == PyRoute2Script ? "bench/python/peer.py"
        : argument == Go ? "peer-go"
        : argument.StartsWith(Directory, StringComparison.Ordinal) ? Path.GetFileName(argument)
        : Shell.Self().Contains(argument) ? "IpHelper.Bench"
        : argument));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
