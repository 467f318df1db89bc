using System.Diagnostics;
using System.Globalization;
using System.Text;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>
/// What an adversarial caller does to a command line tool: empty namespace names, closed descriptors,
/// full disks, readers that go away, signals in the middle of a batch. Each case ends with one line on
/// stderr and a documented exit code, never a stack trace, a hang or a change to the wrong namespace.
/// </summary>
public sealed class CliSafetyTests
{
    private static readonly TimeSpan s_quick = TimeSpan.FromSeconds(30);

    private static void AssertOneLineError(CliProcess.Result result, int exitCode, string reason)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
        var first = result.Stderr.Split('\n')[0];
        Assert.StartsWith("iphelper: ", first, StringComparison.Ordinal);
        Assert.Contains(reason, first, StringComparison.Ordinal);
    }

    private const string Blank = "is not a network namespace name: the name is empty or blank";

    public static TheoryData<string[], string> EmptyNamespaceCommands => new()
    {
        { ["interface", "list", "-n", ""], Blank },
        { ["route", "list", "--netns", " "], Blank },
        { ["route", "add", "203.0.113.0/24", "-i", "lo", "-n", ""], Blank },
        { ["address", "add", "203.0.113.7/32", "-i", "lo", "--netns="], "Required argument missing for option: '--netns'" },
        { ["monitor", "-n", ""], Blank },
        { ["monitor", "routes", "--netns", "\t"], Blank },
    };

    [Theory]
    [MemberData(nameof(EmptyNamespaceCommands))]
    public void EmptyOrBlankNamespaceName_IsAUsageError_AndTouchesNoNamespace(string[] args, string reason)
    {
        var result = CliProcess.Run(args);

        AssertOneLineError(result, 2, reason);
        Assert.Equal("", result.Stdout);
        Assert.Equal("[]", Command.Run("ip", "-j", "route", "show", "203.0.113.0/24").Trim());
        Assert.Equal("[]", Command.Run("ip", "-j", "address", "show", "to", "203.0.113.7/32").Trim());
    }

    [Fact]
    public void NetNamespaceEnter_EmptyName_FailsWithInvalidParameter()
    {
        var error = Assert.Throws<NetIoException>(() => NetNamespace.Enter(""));

        Assert.Equal(NetIoStatus.InvalidParameter, error.Detail.Status);
    }

    public static TheoryData<string[], string> UnreadableBatches => new()
    {
        { ["route", "add", "--batch", "/nonexistent/routes.txt"], "cannot read the batch file '/nonexistent/routes.txt': no such file" },
        { ["route", "add", "--batch", "/nonexistent"], "cannot read the batch file '/nonexistent': no such file" },
        { ["route", "add", "--batch", "/tmp"], "cannot read the batch file '/tmp': it is a directory" },
        { ["route", "add", "--batch", ""], "--batch needs a file name, or '-' for stdin" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBatches))]
    public void UnreadableBatchFile_IsOneLineAndExit2(string[] args, string reason)
    {
        var result = CliProcess.Run(args);

        AssertOneLineError(result, 2, reason);
        Assert.Equal("", result.Stdout);
    }

    [RootFact]
    public void LinkLayerAddressLongerThan32Bytes_IsOneLineAndExit2_AndAddsNothing()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var mac = string.Join(':', Enumerable.Repeat("02", 34));

        var result = CliProcess.Run("neighbor", "add", "192.0.2.7", "-i", "v0", "--lladdr", mac, "-n", ns.Name);

        AssertOneLineError(result, 2, "is 34 bytes long: a link-layer address has at most 32");
        Assert.Equal(0, ns.IpJson("neigh", "show", "dev", "v0", "to", "192.0.2.7").GetArrayLength());
    }

    [RootFact]
    public void BatchFromClosedStdin_IsOneLineAndExit2_AtOnce()
    {
        using var ns = AddressTestNetwork.WithVeth();

        var result = CliProcess.RunShell($"exec $IPHELPER route add --batch - -n {ns.Name} <&-", s_quick);

        AssertOneLineError(result, 2, "stdin is closed");
        Assert.Equal("", result.Stdout);
    }

    [RootFact]
    public void BatchFromStdin_WithAUtf8ByteOrderMark_ReadsLine1()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var input = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("198.51.100.0/24 via 192.0.2.9\n")).ToArray();

        var result = CliProcess.RunWithInput(input, "route", "add", "--batch", "-", "-n", ns.Name);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("created 1 of 1 routes\n", result.Stdout);
        Assert.Equal(1, ns.IpJson("-4", "route", "show", "198.51.100.0/24", "via", "192.0.2.9").GetArrayLength());
    }

    [RootFact]
    public void BatchWithManyBadLines_ListsABoundedNumber_AndCountsTheRest()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 250).Select(i => $"not-a-prefix-{i}\n")));

        var result = CliProcess.RunWithInput(input, "route", "add", "--batch", "-", "-n", ns.Name);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("created 0 of 250 routes\n", result.Stdout);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(101, lines.Length);
        Assert.StartsWith("iphelper: line 1: InvalidParameter (87): 'not-a-prefix-0' is not a prefix", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("iphelper: line 100: ", lines[99], StringComparison.Ordinal);
        Assert.Equal("iphelper: 150 more lines failed (only the first 100 are listed)", lines[100]);
    }

    [Fact]
    public void OutputToAFullDevice_IsOneLineAndExit2()
    {
        var result = CliProcess.RunShell("exec $IPHELPER interface list > /dev/full", s_quick);

        AssertOneLineError(result, 2, "GenFailure (31): cannot write to stdout [ENOSPC]");
    }

    [Fact]
    public void OutputToAClosedStdout_IsOneLineAndExit2()
    {
        var result = CliProcess.RunShell("exec $IPHELPER interface list >&-", s_quick);

        AssertOneLineError(result, 2, "cannot write to stdout: it is closed [EBADF]");
    }

    [Fact]
    public void FailureWithStderrClosed_ExitsWithTheStatusExitCode_NotAnAbort()
    {
        var result = CliProcess.RunShell("exec $IPHELPER route list -n no-such-namespace-x 2>&-", s_quick);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [RootFact]
    public void BigListIntoHead_ExitsQuietlyWithTheReader()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.Batch(string.Concat(Enumerable.Range(0, 5000).Select(i => $"route add 10.1.{i >> 8}.{i & 255}/32 via 192.0.2.9\n")));

        var result = CliProcess.RunShell($"$IPHELPER route list --family ipv4 -n {ns.Name} | head -1; echo \"iphelper exit $?\" >&2", s_quick);

        Assert.Equal("ifIndex", result.Stdout.Split(' ')[0]);
        Assert.Equal("iphelper exit 0\n", result.Stderr);
    }

    [RootFact]
    public void MonitorWhoseReaderWentAway_ExitsQuietlyOnTheNextChange()
    {
        using var ns = AddressTestNetwork.WithVeth();
        using var monitor = Process.Start(CliProcess.StartInfo("monitor", "addresses", "-n", ns.Name))!;
        try
        {
            Assert.NotNull(monitor.StandardOutput.ReadLine());
            monitor.StandardOutput.Close();
            for (var i = 1; i < 50 && !monitor.HasExited; i++)
            {
                ns.Ip("address", "add", $"198.51.100.{i}/32", "dev", "v0");
                monitor.WaitForExit(200);
            }

            Assert.True(monitor.WaitForExit(s_quick), "monitor kept running after its reader went away");
            Assert.Equal(0, monitor.ExitCode);
            Assert.Equal("", monitor.StandardError.ReadToEnd());
        }
        finally
        {
            if (!monitor.HasExited) monitor.Kill();
        }
    }

    [RootTheory]
    [InlineData("TERM", 15)]
    [InlineData("INT", 2)]
    public void SignalDuringABigBatch_ReportsRoutesCreatedAndTheLineToResumeAt_AndTheRestCompletes(string signal, int number)
    {
        if (signal == "INT" && SignalIgnoredByThisProcess(2))
            Assert.Skip("SIGINT is ignored in this test process (started in the background by a shell), so its children ignore it too");
        const int Routes = 500_000;
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, Enumerable.Range(0, Routes).Select(Line));
            using var batch = Process.Start(CliProcess.StartInfo("route", "add", "--batch", file, "-n", ns.Name))!;
            var stdout = batch.StandardOutput.ReadToEndAsync();
            var stderr = batch.StandardError.ReadToEndAsync();
            var started = Stopwatch.StartNew();
            while (!ns.Exec("sh", "-c", "ip -4 route get 10.0.16.1 2>&1 || true").Contains("via 192.0.2.9", StringComparison.Ordinal) && started.Elapsed < s_quick && !batch.HasExited)
                Thread.Sleep(10);
            Command.Run("kill", $"-{signal}", batch.Id.ToString(CultureInfo.InvariantCulture));
            Assert.True(batch.WaitForExit(s_quick));

            Assert.Equal(128 + number, batch.ExitCode);
            var report = stderr.GetAwaiter().GetResult().TrimEnd('\n');
            var match = System.Text.RegularExpressions.Regex.Match(report,
                $@"^iphelper: stopped by SIG{signal} after line (\d+): (\d+) routes created; line (\d+) onwards was not read \(tail -n \+(\d+) ");
            Assert.True(match.Success, report);
            var stoppedAfter = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var created = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.Equal(stoppedAfter, created);
            Assert.Equal(stoppedAfter + 1, int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
            Assert.InRange(created, 1, Routes - 1);
            Assert.Equal($"created {created} of {created} routes\n", stdout.GetAwaiter().GetResult());
            Assert.Equal(created, RouteCount(ns));

            File.WriteAllLines(file, Enumerable.Range(stoppedAfter, Routes - stoppedAfter).Select(Line));
            var rest = CliProcess.Run("route", "add", "--batch", file, "-n", ns.Name);
            Assert.Equal(0, rest.ExitCode);
            Assert.Equal(Routes, RouteCount(ns));
        }
        finally
        {
            File.Delete(file);
        }

        static string Line(int i) => $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}/32 via 192.0.2.9";
    }

    private static int RouteCount(TestNetns ns) =>
        ns.Exec("ip", "-4", "route", "show", "via", "192.0.2.9").Count(c => c == '\n');

    private static bool SignalIgnoredByThisProcess(int signal)
    {
        var mask = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (ulong.Parse(mask, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }
}
