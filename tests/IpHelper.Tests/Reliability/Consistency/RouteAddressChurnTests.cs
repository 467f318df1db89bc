using System.Globalization;
using System.Net.Sockets;
using System.Text;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Reliability.Consistency;

/// <summary>
/// GetIpForwardTable2, GetUnicastIpAddressTable, GetIpNetTable2 and GetIfTable2 read in a loop while
/// <c>ip -batch</c> makes 100,000 route and address changes: four sliding windows (IPv4 and IPv6
/// routes, IPv4 and IPv6 addresses, see <see cref="ChurnWindow"/>), next to objects that never change.
/// Every table returned has only valid rows, no duplicate key, every object that never changes, and
/// for each window a set the kernel really held. A dump the kernel flagged NLM_F_DUMP_INTR is
/// restarted (counted per table), and one that stays interrupted ends in GenFailure with EINTR. The
/// kernel's IPv6 route dump is not flagged when it splices two states (see <see cref="SplicedRoutes6"/>):
/// the library watches IPv6 route notifications during the dump and repeats it, counted the same way.
/// </summary>
public sealed class RouteAddressChurnTests
{
    private const int Steps = 12_500 + ChurnWindow.Width; // 4 windows x 2 changes x 12,500 steps = 100,000 changes
    private const int Changes = (Steps - ChurnWindow.Width) * 4 * 2;
    private const int BulkAddresses = 500, BulkRoutes = 500, BulkNeighbors = 300;

    private static readonly ChurnWindow s_routes4 = new("IPv4 routes 203.0.113.k/32", 256,
        k => $"route add 203.0.113.{k}/32 dev v0", k => $"route del 203.0.113.{k}/32 dev v0");
    private static readonly ChurnWindow s_routes6 = new("IPv6 routes 2001:db8:1:k::/64", 65536,
        k => $"route add 2001:db8:1:{k:x}::/64 dev v0", k => $"route del 2001:db8:1:{k:x}::/64 dev v0");
    private static readonly ChurnWindow s_addresses4 = new("IPv4 addresses 198.51.100.k/32", 256,
        k => $"address add 198.51.100.{k}/32 dev v1", k => $"address del 198.51.100.{k}/32 dev v1");
    private static readonly ChurnWindow s_addresses6 = new("IPv6 addresses 2001:db8:2::k/128", 65536,
        k => $"address add 2001:db8:2::{k:x}/128 dev v1 nodad", k => $"address del 2001:db8:2::{k:x}/128 dev v1");
    private static readonly ChurnWindow[] s_windows = [s_routes4, s_routes6, s_addresses4, s_addresses6];

    [RootFact]
    public void Tables_WhileRoutesAndAddressesChurn_AreStatesThatExisted()
    {
        using var ns = new TestNetns();
        var links = Build(ns);
        var churn = new StringBuilder();
        for (var step = ChurnWindow.Width; step < Steps; step++)
            foreach (var window in s_windows) window.Step(churn, step);

        using var scope = ns.Enter();
        var readers = new (string Name, Func<int, bool> Read)[]
        {
            ("GetIpForwardTable2(AF_INET)", dump => Read(NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var t), t, dump, rows => CheckRoutes4(rows, links, dump))),
            ("GetIpForwardTable2(AF_INET6)", dump => Read(NetIo.GetIpForwardTable2(AddressFamily.InterNetworkV6, out var t), t, dump, rows =>
                Assert.True(SplicedRoutes6(rows, links, dump) is null, $"IPv6 route dump {dump}: {SplicedRoutes6(rows, links, dump)}"))),
            ("GetUnicastIpAddressTable", dump => Read(NetIo.GetUnicastIpAddressTable(AddressFamily.Unspecified, out var t), t, dump, rows => CheckAddresses(rows, links, dump))),
            ("GetIpNetTable2", dump => Read(NetIo.GetIpNetTable2(AddressFamily.Unspecified, out var t), t, dump, rows => CheckNeighbors(rows, links, dump))),
            ("GetIfTable2", dump => Read(NetIo.GetIfTable2(out var t), t, dump, rows => CheckLinks(rows, links, dump))),
        };
        // Reads are made one at a time, so each read's share of the pool's restart count is its table's.
        var pool = TestBackend.Context.Sockets;
        var restartsOf = new long[readers.Length];
        {
            var churning = Task.Run(() => ns.Batch(churn.ToString()), TestContext.Current.CancellationToken);
            var dumps = new int[readers.Length];
            var givenUp = 0;
            while (!churning.IsCompleted || dumps.Sum() == 0)
            {
                for (var r = 0; r < readers.Length; r++)
                {
                    var before = pool.DumpRestarts;
                    if (readers[r].Read(dumps[r])) dumps[r]++;
                    else givenUp++;
                    restartsOf[r] += pool.DumpRestarts - before;
                }
            }
            churning.GetAwaiter().GetResult();

            var restarts = restartsOf.Sum();
            ReliabilityCounts.Report(ReliabilityCounts.ChangesSurvived, Changes,
                $"route and address churn: {Changes} changes survived; tables read: {string.Join(", ", readers.Select((r, i) => $"{r.Name} {dumps[i]}"))}; " +
                $"{givenUp} dumps given up after {NetlinkSocket.MaxDumpAttempts} attempts");
            ReliabilityCounts.Report(ReliabilityCounts.DumpsRetried, restarts,
                $"route and address churn: {restarts} dumps restarted on NLM_F_DUMP_INTR or, for IPv6 routes, a change seen during the dump ({string.Join(", ", readers.Select((r, i) => $"{r.Name} {restartsOf[i]}"))})");
            Assert.All(dumps, count => Assert.True(count > 0));
            Assert.True(restartsOf[2] > 0, "no address dump was interrupted: the restart path did not run");
            Assert.True(restartsOf[1] > 0, "no IPv6 route dump saw a change: the watched-dump path did not run");
        }
    }

    /// <summary>Two linked veths with addresses, a route, permanent neighbours, the bulk and the first windows.</summary>
    private static Dictionary<string, uint> Build(TestNetns ns)
    {
        ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
        ns.SetSysctl("net.ipv6.conf.default.router_solicitations", "0");
        ns.AddVeth("v0", "v1");
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64", "nodad");
        ns.Ip("route", "add", "192.0.2.128/25", "via", "192.0.2.254");
        ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:00:00:00:07", "dev", "v0", "nud", "permanent");
        ns.Ip("neigh", "add", "2001:db8::7", "lladdr", "02:00:00:00:00:07", "dev", "v0", "nud", "permanent");
        // Enough objects that never change to spread each dump over several datagrams: the kernel can only
        // flag a dump NLM_F_DUMP_INTR when the table changed between two of them.
        var seed = new StringBuilder();
        for (var k = 0; k < BulkAddresses; k++) seed.Append(CultureInfo.InvariantCulture, $"address add 2001:db8:3::{k:x}/128 dev v0 nodad\n");
        for (var k = 0; k < BulkRoutes; k++) seed.Append(CultureInfo.InvariantCulture, $"route add 2001:db8:4:{k:x}::/64 dev v0\n");
        for (var k = 0; k < BulkNeighbors; k++) seed.Append(CultureInfo.InvariantCulture, $"neigh add 2001:db8::1:{k:x} lladdr 02:00:00:00:01:01 dev v0 nud permanent\n");
        foreach (var window in s_windows) window.Seed(seed);
        ns.Batch(seed.ToString());
        var links = new Dictionary<string, uint>();
        foreach (var link in ns.IpJson("link", "show").EnumerateArray())
            links[link.GetProperty("ifname").GetString()!] = link.GetProperty("ifindex").GetUInt32();
        return links;
    }

    private static bool Read<TRow>(NetIoStatus status, MibTable<TRow>? table, int dump, Action<ReadOnlySpan<TRow>> check) where TRow : struct
    {
        if (status != NetIoStatus.Success)
        {
            Assert.True(status == NetIoStatus.GenFailure && NetIo.LastErrorDetail?.Errno == Errno.EINTR, $"dump {dump}: {status}: {NetIo.LastErrorDetail}");
            return false;
        }
        using (table) check(table!.AsSpan());
        return true;
    }

    private static void CheckRoutes4(ReadOnlySpan<MibIpForwardRow2> rows, Dictionary<string, uint> links, int dump)
    {
        var keys = new HashSet<string>();
        List<int> routes = [], local = [];
        var stable = 0;
        foreach (ref readonly var row in rows)
        {
            var prefix = CheckRoute(row, AddressFamily.InterNetwork, links, $"IPv4 route dump {dump}");
            Assert.True(keys.Add($"{prefix} {row.NextHop} {row.InterfaceIndex} {row.Metric}"), $"IPv4 route dump {dump}: {prefix} via {row.NextHop} on {row.InterfaceIndex} twice");
            var last = row.DestinationPrefix.Prefix.ToIPAddress()!.GetAddressBytes()[3];
            if (prefix.StartsWith("203.0.113.", StringComparison.Ordinal)) routes.Add(last);
            else if (prefix.StartsWith("198.51.100.", StringComparison.Ordinal) && row.Loopback) local.Add(last);
            else if (prefix == "192.0.2.128/25" && row.NextHop.ToString() == "192.0.2.254") stable++;
        }
        Assert.True(stable == 1, $"IPv4 route dump {dump}: the stable route 192.0.2.128/25 appears {stable} times");
        s_routes4.AssertExisted(routes, $"IPv4 route dump {dump}");
        s_addresses4.AssertExisted(local, $"IPv4 route dump {dump} (local routes)");
    }

    /// <summary>
    /// Checks each IPv6 route row and returns what makes the table a state that never existed, or null:
    /// the kernel's IPv6 route dump resumes after a tree change by skipping as many routes as it had
    /// sent, so unwatched it repeats or skips routes, and it does not flag NLM_F_DUMP_INTR.
    /// </summary>
    private static string? SplicedRoutes6(ReadOnlySpan<MibIpForwardRow2> rows, Dictionary<string, uint> links, int dump)
    {
        var keys = new HashSet<string>();
        List<int> routes = [], local = [], prefixes = [];
        var stable = 0;
        string? spliced = null;
        foreach (ref readonly var row in rows)
        {
            var prefix = CheckRoute(row, AddressFamily.InterNetworkV6, links, $"IPv6 route dump {dump}");
            if (!keys.Add($"{prefix} {row.NextHop} {row.InterfaceIndex} {row.Metric} {row.Loopback}")) spliced ??= $"{prefix} twice";
            var bytes = row.DestinationPrefix.Prefix.ToIPAddress()!.GetAddressBytes();
            if (prefix.StartsWith("2001:db8:1:", StringComparison.Ordinal)) routes.Add((bytes[6] << 8) | bytes[7]);
            // An IPv6 /128 address has two routes, its prefix in main and its local route in local.
            else if (prefix.StartsWith("2001:db8:2::", StringComparison.Ordinal)) (row.Loopback ? local : prefixes).Add((bytes[14] << 8) | bytes[15]);
            else if (prefix.StartsWith("2001:db8:4:", StringComparison.Ordinal)) stable++;
        }
        if (stable != BulkRoutes) spliced ??= $"{stable} of the {BulkRoutes} stable routes";
        spliced ??= Violation(() => s_routes6.AssertExisted(routes, "routes"))
            ?? Violation(() => s_addresses6.AssertExisted(local, "local routes", addedLater: true))
            ?? Violation(() => s_addresses6.AssertExisted(prefixes, "prefix routes"));
        return spliced;
    }

    private static string CheckRoute(in MibIpForwardRow2 row, AddressFamily family, Dictionary<string, uint> links, string dump)
    {
        Assert.True(row.DestinationPrefix.Prefix.Family == family && row.NextHop.Family == family, $"{dump}: a row of family {row.DestinationPrefix.Prefix.Family}");
        Assert.InRange(row.DestinationPrefix.PrefixLength, 0, family == AddressFamily.InterNetwork ? 32 : 128);
        Assert.True(links.ContainsValue(row.InterfaceIndex), $"{dump}: a route on ifindex {row.InterfaceIndex}, which no link has");
        return row.DestinationPrefix.ToString();
    }

    private static string? Violation(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (Xunit.Sdk.XunitException e)
        {
            return e.Message;
        }
    }

    private static void CheckAddresses(ReadOnlySpan<MibUnicastIpAddressRow> rows, Dictionary<string, uint> links, int dump)
    {
        var keys = new HashSet<string>();
        List<int> addresses4 = [], addresses6 = [];
        var stable = 0;
        foreach (ref readonly var row in rows)
        {
            var address = row.Address.ToString();
            Assert.True(keys.Add($"{address} {row.InterfaceIndex}"), $"address dump {dump}: {address} on {row.InterfaceIndex} twice");
            Assert.Contains(row.InterfaceIndex, links.Values);
            Assert.Equal(row.InterfaceIndex, row.InterfaceLuid.NetLuidIndex);
            var bytes = row.Address.ToIPAddress()!.GetAddressBytes();
            if (address.StartsWith("198.51.100.", StringComparison.Ordinal)) addresses4.Add(bytes[3]);
            else if (address.StartsWith("2001:db8:2::", StringComparison.Ordinal)) addresses6.Add((bytes[14] << 8) | bytes[15]);
            else if (address.StartsWith("2001:db8:3::", StringComparison.Ordinal) || address is "192.0.2.1" or "2001:db8::1" or "127.0.0.1" or "::1") stable++;
        }
        Assert.True(stable == BulkAddresses + 4, $"address dump {dump}: {stable} of the {BulkAddresses + 4} stable addresses");
        s_addresses4.AssertExisted(addresses4, $"address dump {dump}");
        s_addresses6.AssertExisted(addresses6, $"address dump {dump}");
    }

    private static void CheckNeighbors(ReadOnlySpan<MibIpNetRow2> rows, Dictionary<string, uint> links, int dump)
    {
        var keys = new HashSet<string>();
        var stable = 0;
        foreach (ref readonly var row in rows)
        {
            Assert.True(keys.Add($"{row.Address} {row.InterfaceIndex}"), $"neighbour dump {dump}: {row.Address} on {row.InterfaceIndex} twice");
            Assert.Contains(row.InterfaceIndex, links.Values);
            var address = row.Address.ToString();
            if ((address.StartsWith("2001:db8::1:", StringComparison.Ordinal) || address is "192.0.2.7" or "2001:db8::7") && row.State == NlNeighborState.NlnsPermanent) stable++;
        }
        Assert.True(stable == BulkNeighbors + 2, $"neighbour dump {dump}: {stable} of the {BulkNeighbors + 2} permanent neighbours");
    }

    private static void CheckLinks(ReadOnlySpan<MibIfRow2> rows, Dictionary<string, uint> links, int dump)
    {
        Assert.True(rows.Length == links.Count, $"link dump {dump}: {rows.Length} rows, {links.Count} links");
        foreach (ref readonly var row in rows)
            Assert.True(links.TryGetValue(row.Alias, out var index) && index == row.InterfaceIndex,
                string.Create(CultureInfo.InvariantCulture, $"link dump {dump}: '{row.Alias}' with ifindex {row.InterfaceIndex}"));
    }
}
