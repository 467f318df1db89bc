using System.Diagnostics;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Routes;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>
/// `route list` streams (NetIo.EnumerateIpForwardTable2): every route once, fixed columns when piped, and a
/// warning with exit code 3 when the table changed under a listing after rows were printed.
/// </summary>
public sealed class CliRouteStreamTests
{
    private static TestNetns WithRoutes(int count, bool ipv6)
    {
        var ns = AddressTestNetwork.WithVeth();
        try
        {
            ns.AddAddress("v0", "192.0.2.1/24");
            ns.Batch(string.Concat(Enumerable.Range(0, count).Select(i => ipv6
                ? $"route add 2001:db8:1:{i:x}::/64 dev v0\n"
                : $"route add 10.1.{i >> 8}.{i & 255}/32 via 192.0.2.9\n")));
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    [RootFact]
    public void RouteListJson_ManyRoutes_EveryRouteOnce_AsIpListsThem()
    {
        using var ns = WithRoutes(5000, ipv6: false);

        var rows = CliProcess.Run("route", "list", "-4", "--json", "-n", ns.Name).Json().EnumerateArray()
            .Select(r => $"{r.GetProperty("InterfaceIndex").GetUInt32()} {r.GetProperty("DestinationPrefix").GetString()} {r.GetProperty("NextHop").GetString()}")
            .Order();

        var expected = RouteOracle.Routes(ns, System.Net.Sockets.AddressFamily.InterNetwork, "main", "local")
            .Select(f => $"{f.InterfaceIndex} {f.Prefix} {f.NextHop}").Order();
        Assert.Equal(expected, rows);
    }

    /// <summary>
    /// `route list --json` writes its rows by hand (RouteJsonText): its text must be exactly what Utf8JsonWriter
    /// writes for the same document, and each row the very object `route show` (Utf8JsonWriter) writes for it:
    /// gateways, a link-local IPv6 next hop, none (0.0.0.0, ::), an unnamed protocol, a lifetime, a 10-digit metric.
    /// </summary>
    [RootFact]
    public void RouteListJson_IsUtf8JsonWritersText_AndTheRowsRouteShowWrites()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64");
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.9", "metric", "4000000000");
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9", "proto", "99");
        ns.Ip("-6", "route", "add", "2001:db8:5::/48", "via", "fe80::9", "dev", "v0");
        ns.Ip("-6", "route", "add", "2001:db8:6::/48", "dev", "v0", "proto", "static", "expires", "600");

        var list = CliProcess.Run("route", "list", "--json", "-n", ns.Name);

        Assert.Equal(0, list.ExitCode);
        Assert.Equal(CliJson.Utf8JsonWritersText(list.Stdout), list.Stdout);
        var listed = list.Json().EnumerateArray().Select(r => r.GetRawText()).ToHashSet();
        foreach (var prefix in new[] { "198.51.100.0/24", "203.0.113.0/24", "2001:db8:5::/48", "2001:db8:6::/48", "2001:db8::/64" })
        {
            var shown = CliProcess.Run("route", "show", prefix, "--json", "-n", ns.Name).Json().EnumerateArray().ToArray();
            Assert.NotEmpty(shown);
            // A lifetime counts down between the two reads: the rows are compared without it.
            Assert.All(shown, row => Assert.Contains(WithoutLifetimes(row.GetRawText()), listed.Select(WithoutLifetimes)));
        }
    }

    [RootFact]
    public void RouteListJson_NoRoutes_IsAnEmptyArrayAsUtf8JsonWriterWritesIt()
    {
        using var ns = new TestNetns();

        var list = CliProcess.Run("route", "list", "-4", "--json", "--table", "100", "-n", ns.Name);

        Assert.Equal(0, list.ExitCode);
        Assert.Equal("[]\n", list.Stdout);
    }

    private static string WithoutLifetimes(string row) =>
        System.Text.RegularExpressions.Regex.Replace(row, "\"(Valid|Preferred)Lifetime\": [0-9]+", "\"$1Lifetime\": _");

    [RootFact]
    public void RouteListPiped_HasFixedColumns_WhateverTheRows()
    {
        using var few = WithRoutes(0, ipv6: false);
        using var many = WithRoutes(300, ipv6: false);
        many.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.254", "metric", "4000000000");

        var a = CliProcess.Run("route", "list", "-4", "-n", few.Name);
        var b = CliProcess.Run("route", "list", "-4", "-n", many.Name);

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        var header = "ifIndex DestinationPrefix  NextHop         RouteMetric ifMetric PolicyStore";
        Assert.Equal(header, a.Stdout.Split('\n')[0]);
        Assert.Equal(header, b.Stdout.Split('\n')[0]);
        // Every row's cells start under their headers: IPv4 cells never exceed the fixed widths.
        var starts = new[] { "DestinationPrefix", "NextHop", "RouteMetric" }.Select(h => header.IndexOf(h, StringComparison.Ordinal)).ToArray();
        foreach (var line in b.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2))
            Assert.All(starts, start => Assert.True(line[start - 1] == ' ' && line[start] != ' ', $"'{line}' is not aligned at column {start}"));
        Assert.Contains(b.Stdout.Split('\n'), l => l.Contains("203.0.113.0/24", StringComparison.Ordinal) && l.Contains("4000000000", StringComparison.Ordinal));
    }

    [RootFact]
    public void RouteList_TableChangedAfterRowsWerePrinted_PrintsEveryRowWarnsAndExitsThree()
    {
        using var ns = WithRoutes(5000, ipv6: true);
        using var list = Process.Start(CliProcess.StartInfo("route", "list", "-6", "-n", ns.Name))!;
        try
        {
            var stderr = list.StandardError.ReadToEndAsync();
            // The CLI blocks on the full pipe long before the dump's end: the change lands in the middle of it.
            Assert.StartsWith("ifIndex", list.StandardOutput.ReadLine());
            ns.Ip("-6", "route", "add", "2001:db8:ffff::/48", "dev", "v0");
            var rest = list.StandardOutput.ReadToEnd();
            Assert.True(list.WaitForExit(60_000), "route list did not finish");

            Assert.Equal(3, list.ExitCode);
            Assert.Contains("iphelper: warning: the routing table changed while it was listed", stderr.GetAwaiter().GetResult());
            Assert.InRange(rest.Count(c => c == '\n'), 5000, 5200);
        }
        finally
        {
            if (!list.HasExited) list.Kill(entireProcessTree: true);
        }
    }
}
