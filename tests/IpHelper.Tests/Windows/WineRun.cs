using System.Diagnostics;
using IpHelper.Tests.Cli;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Wine;

namespace IpHelper.Tests.Windows;

/// <summary>
/// One Wine run shared by <see cref="WineBackendTests"/>, made when the first test asks: the probe and
/// the CLI published for win-x64, a test namespace with a veth pair, IPv4 and IPv6 addresses, a route
/// and a permanent neighbour; the probe and <c>interface list --json</c> run under Wine there, and the
/// same probe and command run on Linux (in-process and as the native CLI) in the same namespace.
/// </summary>
public sealed class WineRun : IDisposable
{
    private readonly Lazy<Outcome> _outcome = new(Make);

    internal Outcome Result => _outcome.Value;

    public void Dispose()
    {
        if (_outcome.IsValueCreated) _outcome.Value.Dispose();
    }

    private static Outcome Make()
    {
        var temp = Directory.CreateTempSubdirectory("iphelper-wine-").FullName;
        var netns = new TestNetns();
        try
        {
            var clock = Stopwatch.StartNew();
            var artifacts = Path.Combine(temp, "artifacts");
            WineHost.Publish("tests/IpHelper.Tests.Wine/IpHelper.Tests.Wine.csproj", artifacts, Path.Combine(temp, "probe"));
            var cliPublish = WineHost.Publish("src/IpHelper.Cli/IpHelper.Cli.csproj", artifacts, Path.Combine(temp, "cli"));
            var publishTime = clock.Elapsed;

            netns.AddVeth("v0", "v1");
            netns.Up("v1");
            netns.AddAddress("v0", "192.0.2.1/24");
            netns.AddAddress("v0", "2001:db8:1::1/64", "nodad");
            netns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.2");
            netns.Ip("neigh", "add", "192.0.2.2", "lladdr", "02:00:00:00:00:02", "dev", "v0", "nud", "permanent");

            clock.Restart();
            var wine = WineHost.Run(netns.Name,
                [Path.Combine(temp, "probe", "IpHelper.Tests.Wine.exe")],
                [Path.Combine(temp, "cli", "IpHelper.Cli.exe"), "interface", "list", "--json"]);
            var wineTime = clock.Elapsed;

            var linux = new StringWriter();
            using (netns.Enter()) WineProbe.Run(linux);
            var linuxCli = CliProcess.Run("--netns", netns.Name, "interface", "list", "--json");
            return new Outcome(temp, netns, ProbeLine.ParseAll(wine[0]), ProbeLine.ParseAll(linux.ToString()), wine[1], linuxCli.Stdout,
                cliPublish.Warnings, publishTime, wineTime);
        }
        catch
        {
            netns.Dispose();
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    internal sealed record Outcome(string Temp, TestNetns Netns, Dictionary<string, ProbeLine> Wine, Dictionary<string, ProbeLine> Linux,
        string WineInterfaceJson, string LinuxInterfaceJson, IReadOnlyList<string> CliPublishWarnings, TimeSpan PublishTime, TimeSpan WineTime) : IDisposable
    {
        public void Dispose()
        {
            Netns.Dispose();
            Directory.Delete(Temp, recursive: true);
        }
    }
}
