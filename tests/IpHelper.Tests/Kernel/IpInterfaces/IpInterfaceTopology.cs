using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// One namespace with an interface for each case the IP interface rows must describe, built on first
/// use and only read by the tests that share it:
/// <list type="bullet">
/// <item>lo; v0/v1, a veth pair: v0 (192.0.2.1/24, 2001:db8:1::1/64) with IPv6 force_forwarding (when the kernel has it) and BIG TCP (gso_max_size 131072);</item>
/// <item>v1 with everything changed: IPv4 forwarding, accept_ra 2, dad_transmits 3, accept_ra_defrtr 0, IPv6 mtu 1400, a token, other ARP/ND times;</item>
/// <item>vn0/vn1: vn0 without link-local addresses (addrgenmode none), vn1 with accept_dad 0;</item>
/// <item>br0, a bridge with port vb0 (peer vb0p); tun0 (NOARP, no carrier);</item>
/// <item>vx0/vx1: vx0 with disable_ipv6; vs0/vs1: vs0 with MTU 1200, below the IPv6 minimum.</item>
/// </list>
/// </summary>
public sealed class IpInterfaceTopology : IDisposable
{
    private readonly Lazy<TestNetns> _ns = new(Build);

    public TestNetns Ns => _ns.Value;

    public void Dispose()
    {
        if (_ns.IsValueCreated) _ns.Value.Dispose();
    }

    private static TestNetns Build()
    {
        var ns = new TestNetns();
        try
        {
            ns.AddVeth("v0", "v1");
            ns.AddAddress("v0", "192.0.2.1/24");
            ns.AddAddress("v0", "2001:db8:1::1/64", "nodad");
            ns.Ip("link", "set", "v0", "gso_max_size", "131072");
            if (ns.Exec("sh", "-c", "test -e /proc/sys/net/ipv6/conf/v0/force_forwarding && echo yes || true").Trim() == "yes")
                ns.SetSysctl("net.ipv6.conf.v0.force_forwarding", "1");
            foreach (var (key, value) in new[]
            {
                ("net.ipv4.conf.v1.forwarding", "1"), ("net.ipv6.conf.v1.accept_ra", "2"), ("net.ipv6.conf.v1.dad_transmits", "3"),
                ("net.ipv6.conf.v1.accept_ra_defrtr", "0"), ("net.ipv6.conf.v1.mtu", "1400"),
                ("net.ipv4.neigh.v1.base_reachable_time_ms", "12000"), ("net.ipv4.neigh.v1.retrans_time_ms", "2000"),
                ("net.ipv6.neigh.v1.base_reachable_time_ms", "15000"), ("net.ipv6.neigh.v1.retrans_time_ms", "1500"),
            })
                ns.SetSysctl(key, value);
            ns.Ip("token", "set", "::1:2:3:4/64", "dev", "v1");

            ns.Ip("link", "add", "vn0", "type", "veth", "peer", "name", "vn1");
            ns.Ip("link", "set", "vn0", "addrgenmode", "none");
            ns.SetSysctl("net.ipv6.conf.vn1.accept_dad", "0");
            ns.SetSysctl("net.ipv6.conf.vn1.dad_transmits", "2");
            ns.Up("vn0");
            ns.Up("vn1");

            ns.AddVeth("vb0", "vb0p");
            ns.AddBridge("br0", "vb0");
            ns.AddTun("tun0");

            ns.Ip("link", "add", "vx0", "type", "veth", "peer", "name", "vx1");
            ns.SetSysctl("net.ipv6.conf.vx0.disable_ipv6", "1");
            ns.Up("vx0");
            ns.Up("vx1");

            ns.AddVeth("vs0", "vs1");
            ns.Ip("link", "set", "vs0", "mtu", "1200");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }
}
