using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>
/// A namespace with one route of every kind the kernel has, for read-only tests (shared by a test
/// class, created on first use so non-root runs that skip every test create nothing): the
/// interfaces of <see cref="RouteTestData.TwoInterfaces"/>;
/// IPv4 default, static, multipath, blackhole, unreachable, prohibit and table-100 routes; IPv6
/// default (dhcp, metric 10), expiring, multipath and blackhole routes; and the kernel's connected,
/// local, broadcast and multicast routes.
/// </summary>
public sealed class RouteTopology : IDisposable
{
    private readonly Lazy<TestNetns> _ns = new(Build);

    public TestNetns Ns => _ns.Value;

    private static TestNetns Build()
    {
        var ns = RouteTestData.TwoInterfaces();
        try
        {
            ns.Ip("route", "add", "default", "via", "192.0.2.254");
            ns.Ip("route", "add", "203.0.113.0/26", "via", "198.51.100.2", "proto", "static", "metric", "50");
            ns.Ip("route", "add", "203.0.113.64/26", "proto", "bgp", "nexthop", "via", "192.0.2.2", "dev", "v0", "nexthop", "via", "198.51.100.3", "dev", "v1");
            ns.Ip("route", "add", "blackhole", "203.0.113.128/27");
            ns.Ip("route", "add", "unreachable", "203.0.113.160/27");
            ns.Ip("route", "add", "prohibit", "203.0.113.192/27");
            ns.Ip("route", "add", "203.0.113.224/27", "via", "192.0.2.3", "table", "100");
            ns.Ip("-6", "route", "add", "default", "via", "2001:db8:2::2", "metric", "10", "proto", "dhcp");
            ns.Ip("-6", "route", "add", "2001:db8:9::/48", "via", "2001:db8:1::2", "expires", "600");
            ns.Ip("-6", "route", "add", "2001:db8:a::/48", "nexthop", "via", "2001:db8:1::3", "dev", "v0", "nexthop", "via", "2001:db8:2::3", "dev", "v1");
            ns.Ip("-6", "route", "add", "blackhole", "2001:db8:dead::/48");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_ns.IsValueCreated) _ns.Value.Dispose();
    }
}
