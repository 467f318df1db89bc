using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>Namespaces, rows and state snapshots for the route write tests.</summary>
internal static class RouteTestData
{
    /// <summary>
    /// A fresh namespace with the veth pair v0 (192.0.2.1/24, 2001:db8:1::1/64) and v1
    /// (198.51.100.1/24, 2001:db8:2::1/64), both up, and nothing else.
    /// </summary>
    public static TestNetns TwoInterfaces()
    {
        var ns = new TestNetns();
        try
        {
            ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.all.accept_dad=0");
            ns.AddVeth("v0", "v1");
            ns.AddAddress("v0", "192.0.2.1/24");
            ns.AddAddress("v1", "198.51.100.1/24");
            ns.AddAddress("v0", "2001:db8:1::1/64", "nodad");
            ns.AddAddress("v1", "2001:db8:2::1/64", "nodad");
            WaitForLinkLocalRoutes(ns, 2);
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The kernel adds link-local addresses, their local routes, the fe80::/64 prefix routes and the
    /// multicast routes a moment after a link comes up, not all at once; snapshots taken before and
    /// after a call must not see that happen in between. Waits for all of them, then for two snapshots
    /// 100 ms apart to agree.
    /// </summary>
    public static void WaitForLinkLocalRoutes(TestNetns ns, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        int Count(string table, string prefix) => ns.IpJson("-6", "route", "show", "table", table).EnumerateArray()
            .Count(r => RouteOracle.Text(r, "dst")!.StartsWith(prefix, StringComparison.Ordinal));
        while (Count("local", "fe80:") < count || Count("main", "fe80::/64") < count || Count("local", "ff00::/8") < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the link-local addresses and routes did not appear");
            Thread.Sleep(20);
        }
        for (var previous = Snapshot(ns); ; )
        {
            Thread.Sleep(100);
            var now = Snapshot(ns);
            if (now == previous) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the routes kept changing after the links came up");
            previous = now;
        }
    }

    /// <summary>A row as a Windows caller builds it: InitializeIpForwardEntry, then prefix, next hop (null: on-link) and interface.</summary>
    public static MibIpForwardRow2 Row(string prefix, string? nextHop, uint interfaceIndex = 0, NetLuid interfaceLuid = default)
    {
        NetIo.InitializeIpForwardEntry(out var row);
        Assert.True(IpAddressPrefix.TryParse(prefix, out row.DestinationPrefix), prefix);
        var family = row.DestinationPrefix.Prefix.Family;
        Assert.True(SockAddrInet.TryParse(nextHop ?? (family == AddressFamily.InterNetwork ? "0.0.0.0" : "::"), out row.NextHop));
        row.InterfaceIndex = interfaceIndex;
        row.InterfaceLuid = interfaceLuid;
        return row;
    }

    /// <summary>Every route of both families in every table, as ip prints them: compare before and after a refused call.</summary>
    public static string Snapshot(TestNetns ns) =>
        ns.Ip("-j", "-4", "route", "show", "table", "all") + ns.Ip("-j", "-6", "route", "show", "table", "all");

    /// <summary>The LUID of an interface, read inside the namespace.</summary>
    public static NetLuid Luid(TestNetns ns, string device)
    {
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceAliasToLuid(device, out var luid));
            return luid;
        }
    }

    /// <summary>Calls <paramref name="call"/> inside the namespace and asserts the status and that the kernel's routes did not change.</summary>
    public static void AssertRefused(TestNetns ns, NetIoStatus expected, Func<NetIoStatus> call, string? what = null)
    {
        var before = Snapshot(ns);
        NetIoStatus status;
        using (ns.Enter()) status = call();
        Assert.True(status == expected, $"{what}: expected {expected}, got {status} ({NetIo.LastErrorDetail})");
        Assert.Equal(expected, NetIo.LastErrorDetail?.Status);
        Assert.Equal(before, Snapshot(ns));
    }
}
