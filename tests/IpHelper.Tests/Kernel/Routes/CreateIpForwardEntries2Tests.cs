using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Routes.RouteTestData;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class CreateIpForwardEntries2Tests
{
    [RootFact]
    public void CreateIpForwardEntries2_ThousandsOfRoutesWithSomeBadRows_CreatesTheGoodOnesAndExplainsEachBadOne()
    {
        using var ns = TwoInterfaces();
        ns.Ip("-6", "route", "add", "2001:db8:103::/48", "via", "2001:db8:1::9");
        var v0 = RouteOracle.Index(ns, "v0");
        var rows = new List<MibIpForwardRow2>();
        for (var i = 0; i < 3000; i++) rows.Add(Row($"2001:db8:100::{i:x}/128", "2001:db8:1::fe", v0));
        var bad = new Dictionary<int, NetIoStatus>
        {
            [100] = NetIoStatus.InvalidParameter,
            [200] = NetIoStatus.NotFound,
            [300] = NetIoStatus.ObjectAlreadyExists,
            [400] = NetIoStatus.InvalidParameter,
            [500] = NetIoStatus.NotSupported,
            [600] = NetIoStatus.InvalidParameter,
            [700] = NetIoStatus.ObjectAlreadyExists,
        };
        rows[100] = Row("2001:db8:101::1/64", null, v0);
        rows[200] = Row("2001:db8:102::/48", null, 4242);
        rows[300] = Row("2001:db8:103::/48", "2001:db8:1::9", v0);
        rows[400] = Row("2001:db8:104::/48", "2001:db8:77::1", v0);
        var finite = Row("203.0.113.0/24", null, v0);
        finite.ValidLifetime = finite.PreferredLifetime = 60;
        rows[500] = finite;
        var preferredTooLong = Row("2001:db8:105::/48", null, v0);
        preferredTooLong.ValidLifetime = 10;
        preferredTooLong.PreferredLifetime = 20;
        rows[600] = preferredTooLong;
        rows[700] = rows[699];
        var results = new NetIoErrorDetail?[rows.Count];

        NetIoStatus status;
        using (ns.Enter()) status = NetIo.CreateIpForwardEntries2(rows.ToArray(), results);

        Assert.Equal(NetIoStatus.InvalidParameter, status);
        Assert.StartsWith("row 100:", NetIo.LastErrorDetail!.Message, StringComparison.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (bad.TryGetValue(i, out var expected)) Assert.True(results[i]?.Status == expected, $"row {i}: expected {expected}, got {results[i]}");
            else Assert.True(results[i] is null, $"row {i}: {results[i]}");
        }
        var created = ns.IpJson("-6", "route", "show", "table", "main").EnumerateArray()
            .Count(r => RouteOracle.Text(r, "gateway") == "2001:db8:1::fe");
        Assert.Equal(3000 - bad.Count, created);
    }

    [RootFact]
    public void CreateIpForwardEntries2_AllGood_ReturnsSuccessWithNullResults()
    {
        using var ns = TwoInterfaces();
        var rows = new[] { Row("203.0.113.0/25", null, RouteOracle.Index(ns, "v0")), Row("2001:db8:5::/48", "2001:db8:2::9", interfaceLuid: Luid(ns, "v1")) };
        var results = new NetIoErrorDetail?[2];

        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpForwardEntries2(rows, results));

        Assert.All(results, Assert.Null);
        Assert.Single(RouteOracle.Show(ns, "203.0.113.0/25"));
        Assert.Equal("2001:db8:2::9", RouteOracle.Text(RouteOracle.Show(ns, "2001:db8:5::/48").Single(), "gateway"));
    }

    /// <summary>
    /// Only the last message of each sendmsg asks for an acknowledgement: a row is reported created when
    /// the kernel sent no error for it. Every row refused (more errors than one chunk holds), and only
    /// the last row refused, must each still be told apart.
    /// </summary>
    [RootTheory]
    [InlineData("every")]
    [InlineData("last")]
    public void CreateIpForwardEntries2_RefusedRowsAnywhere_EachIsReportedAndEveryOtherCreated(string refused)
    {
        using var ns = TwoInterfaces();
        var v0 = RouteOracle.Index(ns, "v0");
        var rows = new MibIpForwardRow2[2500];
        for (var i = 0; i < rows.Length; i++) rows[i] = Row($"2001:db8:100::{i:x}/128", "2001:db8:1::fe", v0);
        var existing = refused == "every" ? Enumerable.Range(0, rows.Length).ToArray() : [rows.Length - 1];
        ns.Batch(string.Concat(existing.Select(i => $"route add 2001:db8:100::{i:x}/128 via 2001:db8:1::fe dev v0\n")));
        var results = new NetIoErrorDetail?[rows.Length];

        using (ns.Enter()) NetIo.CreateIpForwardEntries2(rows, results);

        for (var i = 0; i < rows.Length; i++)
        {
            if (existing.Contains(i)) Assert.True(results[i]?.Status == NetIoStatus.ObjectAlreadyExists, $"row {i}: expected ObjectAlreadyExists, got {results[i]}");
            else Assert.True(results[i] is null, $"row {i}: {results[i]}");
        }
        var created = ns.IpJson("-6", "route", "show", "table", "main").EnumerateArray().Count(r => RouteOracle.Text(r, "gateway") == "2001:db8:1::fe");
        Assert.Equal(rows.Length, created);
    }

    [Fact]
    public void CreateIpForwardEntries2_FewerResultsThanRows_ReturnsInvalidParameter()
    {
        var rows = new MibIpForwardRow2[3];

        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.CreateIpForwardEntries2(rows, new NetIoErrorDetail?[2]));
        Assert.Equal("results", NetIo.LastErrorDetail!.Argument);
    }

    [RootFact]
    public void RouteAddBatch_FileWithBadLines_CreatesTheGoodRoutesAndNamesEachBadLine()
    {
        using var ns = TwoInterfaces();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file,
            [
                "# routes for the test",
                "203.0.113.0/26 via 192.0.2.9 dev v0 metric 10",
                "",
                "203.0.113.64/26 via 198.51.100.9",
                "203.0.113.128/26 dev v1 protocol Bgp   # on-link",
                "2001:db8:5::/48 via 2001:db8:1::9 lifetime 600",
                "203.0.113.300/26 dev v0",
                "203.0.113.192/26 dev nosuchdev",
                "203.0.113.192/26 dev v0 colour red",
                "203.0.113.0/26 via 192.0.2.9 dev v0 metric 10",
                "203.0.113.192/26 dev v0 protocol carrier-pigeon",
            ]);

            var (exit, output, error) = CliProcess.Run(null, "route", "add", "--batch", file, "--netns", ns.Name);

            Assert.Equal(1, exit);
            Assert.Contains("created 4 of 9 routes", output, StringComparison.Ordinal);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(5, lines.Length);
            Assert.StartsWith("iphelper: line 7: InvalidParameter (87)", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("iphelper: line 8: FileNotFound (2)", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("iphelper: line 9: InvalidParameter (87)", lines[2], StringComparison.Ordinal);
            Assert.StartsWith("iphelper: line 10: ObjectAlreadyExists (5010)", lines[3], StringComparison.Ordinal);
            Assert.StartsWith("iphelper: line 11: InvalidParameter (87)", lines[4], StringComparison.Ordinal);
            Assert.Equal("10", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.0/26").Single(), "metric"));
            Assert.Equal("v1", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.64/26").Single(), "dev"));
            Assert.Equal("bgp", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.128/26").Single(), "protocol"));
            Assert.True(RouteOracle.Show(ns, "2001:db8:5::/48").Single().TryGetProperty("expires", out _));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [RootFact]
    public void RouteAddBatch_FromStandardInput_CreatesTheRoutes()
    {
        using var ns = TwoInterfaces();

        var (exit, output, error) = CliProcess.Run("203.0.113.0/26 dev v0\n203.0.113.64/26 dev v1\n", "route", "add", "--batch", "-", "--netns", ns.Name, "--json");

        Assert.True(exit == 0, error);
        Assert.Contains("\"Created\": 2", output, StringComparison.Ordinal);
        Assert.Single(RouteOracle.Show(ns, "203.0.113.0/26"));
        Assert.Single(RouteOracle.Show(ns, "203.0.113.64/26"));
    }
}
