using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Namespaces;

/// <summary>
/// Scoped calls at unscoped speed: GetBestRoute2, GetIfEntry2, GetIpInterfaceEntry,
/// GetUnicastIpAddressEntry and a 100-route GetIpForwardTable2, each timed from a process started inside
/// the namespace (<c>ip netns exec</c>, no scope) and from this process inside <c>NetNamespace.Enter</c>.
/// The two are run alternately (A/B/A/B) and each side's median is kept. Target: scoped &lt;= 1.2x.
/// </summary>
internal static class ScopedCallsBenchmark
{
    public const string ChildName = "scoped:child";
    private const int Rounds = 3, Calls = 2000, WarmUp = 500;

    private static readonly string[] s_names = ["GetBestRoute2", "GetIfEntry2", "GetIpInterfaceEntry", "GetUnicastIpAddressEntry", "GetIpForwardTable2 (100 routes)"];

    public static int Run()
    {
        using var ns = new BenchNamespace();
        ns.AddUplink();
        var batch = string.Concat(Enumerable.Range(0, 100).Select(i => $"route add 198.51.100.{i}/32 via 192.0.2.254\n"));
        var file = Path.GetTempFileName();
        File.WriteAllText(file, batch);
        ns.Ip("-batch", file);
        File.Delete(file);

        var inside = new List<double[]>();
        var scoped = new List<double[]>();
        for (var round = 0; round < Rounds; round++)
        {
            var output = ns.Exec([.. Shell.Self(), ChildName]).Output;
            inside.Add([.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => double.Parse(l, CultureInfo.InvariantCulture))]);
            using (NetNamespace.Enter(ns.Name)) scoped.Add(Measure());
        }

        Console.WriteLine($"Scoped calls vs a process inside the namespace (us per call, median of {Rounds} alternating runs of {Calls} calls)");
        var met = true;
        for (var i = 0; i < s_names.Length; i++)
        {
            var a = Median(inside.Select(r => r[i]));
            var b = Median(scoped.Select(r => r[i]));
            var ratio = b / a;
            met &= ratio <= 1.2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s_names[i],-32} inside {a,8:0.00}  scoped {b,8:0.00}  ratio {ratio:0.00}x  {(ratio <= 1.2 ? "met" : "NOT met")} (target <= 1.2x)"));
        }
        return met ? 0 : 1;
    }

    /// <summary>The child: the same calls with no scope, in the namespace the process was started in.</summary>
    public static int Child(string[] args)
    {
        foreach (var us in Measure()) Console.WriteLine(us.ToString("0.000", CultureInfo.InvariantCulture));
        return 0;
    }

    private static double[] Measure()
    {
        NetIo.ConvertInterfaceAliasToLuid("v0", out var luid).ThrowIfFailed();
        NetIo.ConvertInterfaceLuidToIndex(luid, out var index).ThrowIfFailed();
        SockAddrInet.TryParse("198.51.100.7", out var destination);
        SockAddrInet.TryParse("192.0.2.1", out var local);
        Action[] calls =
        [
            () => NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _).ThrowIfFailed(),
            () =>
            {
                var row = new MibIfRow2 { InterfaceIndex = index };
                NetIo.GetIfEntry2(ref row).ThrowIfFailed();
            },
            () =>
            {
                NetIo.InitializeIpInterfaceEntry(out var row);
                row.Family = AddressFamily.InterNetwork;
                row.InterfaceIndex = index;
                NetIo.GetIpInterfaceEntry(ref row).ThrowIfFailed();
            },
            () =>
            {
                var row = new MibUnicastIpAddressRow { Address = local, InterfaceIndex = index };
                NetIo.GetUnicastIpAddressEntry(ref row).ThrowIfFailed();
            },
            () =>
            {
                NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table).ThrowIfFailed();
                table!.Dispose();
            },
        ];
        // The table call is the slow one: a quarter as many calls.
        return [.. calls.Select((call, i) => Time(call, i == calls.Length - 1 ? Calls / 4 : Calls))];
    }

    /// <summary>
    /// Times <paramref name="count"/> calls after warm-up calls for at least half a second: a fresh child
    /// process would otherwise time code the JIT has not optimised yet (tier 1 comes after a delay).
    /// </summary>
    private static double Time(Action call, int count)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < WarmUp || warmUp.ElapsedMilliseconds < 500; i++) call();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) call();
        return watch.Elapsed.TotalMicroseconds / count;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
