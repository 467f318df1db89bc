using IpHelper.Tests.Cli;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// The library's state directory, /run/iphelper (docs/mapping.md, Metrics): created by the first interface
/// metric set when it is missing, mode 0755; when it cannot be created (a read-only /run), reads still work
/// and a metric write fails with AccessDenied and the reason, changing nothing. Each case runs the CLI in
/// the mount namespace <c>ip netns exec</c> makes, with a tmpfs of its own over /run, so the machine's
/// /run/iphelper (and the other tests using it) is never touched.
/// </summary>
public sealed class MetricStoreDirectoryTests
{
    [RootFact]
    public void SetMetric_WithNoStateDirectory_CreatesIt0755_AndRecordsTheMetric()
    {
        using var ns = Topology();

        var (exit, output) = RunWithOwnRun(ns, "rw",
            "iphelper ipinterface set mv0 --family ipv4 --metric 20 && stat -c '%a %U' /run/iphelper && cat /run/iphelper/ifmetric-*");

        Assert.True(exit == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("755 root", lines);
        Assert.Contains(lines, line => line.StartsWith("inet ", StringComparison.Ordinal) && line.EndsWith(" mv0 20", StringComparison.Ordinal));
        Assert.Equal("30", Priority(ns));
    }

    [RootFact]
    public void SetMetric_WithReadOnlyRun_FailsWithAccessDeniedAndTheReason_ChangingNothing()
    {
        using var ns = Topology();
        var forwarding = ns.Sysctl("net.ipv4.conf.mv0.forwarding");

        var (exit, output) = RunWithOwnRun(ns, "ro", "iphelper ipinterface set mv0 --family ipv4 --metric 20 --forwarding-enabled true");

        Assert.Equal(1, exit);
        Assert.Contains("AccessDenied (5)", output, StringComparison.Ordinal);
        Assert.Contains("/run/iphelper", output, StringComparison.Ordinal);
        Assert.Contains("EROFS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", output, StringComparison.Ordinal);
        Assert.Equal("10", Priority(ns));
        Assert.Equal(forwarding, ns.Sysctl("net.ipv4.conf.mv0.forwarding"));
    }

    [RootFact]
    public void Reads_WithReadOnlyRun_Work()
    {
        using var ns = Topology();

        var (exit, output) = RunWithOwnRun(ns, "ro", "iphelper ipinterface show mv0 --family ipv4 --json && iphelper route list --json");

        Assert.True(exit == 0, output);
        Assert.Contains("\"UseAutomaticMetric\": true", output, StringComparison.Ordinal);
        Assert.Contains("203.0.113.0/24", output, StringComparison.Ordinal);
    }

    private static TestNetns Topology()
    {
        var ns = new TestNetns();
        try
        {
            ns.AddVeth("mv0", "mv1");
            ns.AddAddress("mv0", "192.0.2.1/24");
            ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "dev", "mv0", "metric", "10");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    private static string Priority(TestNetns ns) =>
        ns.IpJson("route", "show", "203.0.113.0/24")[0].GetProperty("metric").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs <paramref name="script"/> (with <c>iphelper</c> a shell function running the built CLI) inside the
    /// namespace, in the private mount namespace of <c>ip netns exec</c>, over a new empty tmpfs on /run mounted
    /// <paramref name="mode"/> (rw or ro). Returns the exit code and stdout + stderr.
    /// </summary>
    private static (int Exit, string Output) RunWithOwnRun(TestNetns ns, string mode, string script)
    {
        var inner = $"iphelper() {{ $IPHELPER \"$@\"; }}; mount -t tmpfs -o {mode},size=1m iph-run /run && {script}";
        var result = CliProcess.RunShell($"exec ip netns exec {ns.Name} sh -c '{inner.Replace("'", "'\\''", StringComparison.Ordinal)}'", TimeSpan.FromSeconds(60));
        return (result.ExitCode, result.Stdout + result.Stderr);
    }
}
