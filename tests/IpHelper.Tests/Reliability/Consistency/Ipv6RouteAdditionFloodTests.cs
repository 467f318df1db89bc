using System.Globalization;
using System.Net.Sockets;
using System.Text;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Reliability.Consistency;

/// <summary>
/// The kernel's IPv6 route walk, resumed after routes were added before its position, sends the last
/// routes again; it loses none. GetIpForwardTable2(AF_INET6) read during a flood of additions must
/// therefore answer at once (not repeat the dump until the flood ends, which costs time quadratic in the
/// table) with every route that was there before, each once.
/// </summary>
public sealed class Ipv6RouteAdditionFloodTests
{
    private const int Before = 4_000, Added = 40_000;

    [RootFact]
    public void GetIpForwardTable2_Ipv6_WhileRoutesAreAdded_HasEveryEarlierRouteOnceWithoutRepeating()
    {
        using var ns = new TestNetns();
        ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
        ns.AddVeth("v0", "v1");
        ns.Batch(Routes(0, Before));
        var flood = Routes(Before, Before + Added);

        using var scope = ns.Enter();
        var pool = TestBackend.Context.Sockets;
        var (restartsBefore, racedBefore) = (pool.DumpRestarts, pool.DumpsRacedByAdditions);
        var adding = Task.Run(() => ns.Batch(flood), TestContext.Current.CancellationToken);
        var reads = 0;
        while (!adding.IsCompleted || reads == 0)
        {
            var status = NetIo.GetIpForwardTable2(AddressFamily.InterNetworkV6, out var table);
            Assert.True(status == NetIoStatus.Success, $"read {reads}: {NetIo.LastErrorDetail}");
            using (table)
            {
                var keys = new HashSet<string>();
                var earlier = 0;
                foreach (ref readonly var row in table!.AsSpan())
                {
                    Assert.True(keys.Add($"{row.DestinationPrefix} {row.NextHop} {row.InterfaceIndex} {row.Metric}"), $"read {reads}: {row.DestinationPrefix} twice");
                    if (IsFlooded(row, 0, Before)) earlier++;
                }
                Assert.Equal(Before, earlier);
            }
            reads++;
        }
        adding.GetAwaiter().GetResult();

        Assert.True(pool.DumpsRacedByAdditions > racedBefore, $"no dump of the {reads} overlapped an addition: the path under test did not run");
        Assert.Equal(restartsBefore, pool.DumpRestarts);
        var count = ns.IpJson("-6", "route", "show", "dev", "v0").EnumerateArray().Count(r => r.GetProperty("dst").GetString()!.StartsWith("2001:db8:5", StringComparison.Ordinal));
        Assert.Equal(Before + Added, count);
    }

    private static bool IsFlooded(in MibIpForwardRow2 row, int from, int to)
    {
        if (row.DestinationPrefix.PrefixLength != 64) return false;
        var bytes = row.DestinationPrefix.Prefix.ToIPAddress()!.GetAddressBytes();
        if (bytes[0] != 0x20 || bytes[1] != 0x01 || bytes[2] != 0x0d || bytes[3] != 0xb8 || bytes[4] != 0x00 || bytes[5] != 0x05) return false;
        var k = bytes[6] << 8 | bytes[7];
        return k >= from && k < to;
    }

    private static string Routes(int from, int to)
    {
        var text = new StringBuilder();
        for (var k = from; k < to; k++) text.Append(CultureInfo.InvariantCulture, $"route add 2001:db8:5:{k:x}::/64 dev v0\n");
        return text.ToString();
    }
}
