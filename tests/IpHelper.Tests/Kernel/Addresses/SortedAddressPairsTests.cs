using System.Net;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>
/// CreateSortedAddressPairs in a real namespace: the chosen sources agree with the source the kernel
/// picks (<c>ip -j route get</c> prefsrc), and the order follows RFC 6724 section 6.
/// </summary>
public sealed class SortedAddressPairsTests(SortedAddressPairsTests.Topology topology) : IClassFixture<SortedAddressPairsTests.Topology>
{
    private TestNetns Host => topology.Host;

    /// <summary>
    /// One namespace for the whole class (it is only read): v0 with two IPv4 addresses in one subnet,
    /// a preferred, a deprecated and a temporary IPv6 address, a global address on lo, default routes,
    /// and unreachable routes for 192.0.2.0/24 and 2001:db8:dead::/48.
    /// </summary>
    public sealed class Topology : IDisposable
    {
        private readonly TestNetns? _host;
        private readonly TestNetns? _peer;

        public Topology()
        {
            if (!Root.IsRoot) return;
            _host = new TestNetns();
            _peer = new TestNetns();
            foreach (var ns in new[] { _host, _peer })
            {
                ns.SetSysctl("net.ipv6.conf.all.accept_dad", "0");
                ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
            }
            _host.SetSysctl("net.ipv6.conf.default.use_tempaddr", "2");
            _host.ConnectVeth(_peer, "v0", "p0");
            _host.AddAddress("v0", "198.51.100.1/24");
            _host.AddAddress("v0", "198.51.100.2/24");
            _host.AddAddress("v0", "2001:db8:1::1/64");
            _host.AddAddress("v0", "2001:db8:1::2/64", "preferred_lft", "0", "valid_lft", "600");
            _host.AddAddress("v0", "2001:db8:4::1/64", "mngtmpaddr");
            _host.AddAddress("lo", "2001:db8:ff::1/128");
            _host.Ip("route", "add", "default", "via", "198.51.100.254");
            _host.Ip("-6", "route", "add", "default", "via", "fe80::1", "dev", "v0");
            _host.Ip("route", "add", "unreachable", "192.0.2.0/24");
            _host.Ip("-6", "route", "add", "unreachable", "2001:db8:dead::/48");
            ProcMemberships.WaitUntil(() => IpAddr.Read(_host, "v0").Any(a => a.Has("temporary")), "no temporary address appeared");
            AddressTestNetwork.WaitUntilSettled(_host);
        }

        public TestNetns Host => _host ?? throw new InvalidOperationException(Root.SkipReason);

        public void Dispose()
        {
            Cleanup.Dispose(_host, _peer);
        }
    }

    [RootTheory]
    [InlineData("198.51.100.77")]
    [InlineData("203.0.113.9")]
    [InlineData("2001:db8:1::77")]
    [InlineData("2001:db8:9::9")]
    [InlineData("2001:db8:4::77")]
    [InlineData("2001:db8:ff::1")]
    [InlineData("2001:db8:1::1")]
    [InlineData("::1")]
    [InlineData("127.0.0.1")]
    [InlineData("fe80::9%v0")]
    [InlineData("ff02::1%v0")]
    public void Source_IsTheSourceTheKernelPicks(string destination)
    {
        var (address, device) = Split(destination);
        var query = device is null ? new[] { "route", "get", address } : ["route", "get", address, "oif", device];
        var kernel = IPAddress.Parse(Host.IpJson(query)[0].GetProperty("prefsrc").GetString()!);

        var pair = Assert.Single(Sort(Destination(destination)));

        Assert.Equal(kernel, Unmapped(pair.SourceAddress));
    }

    [RootFact]
    public void Order_FollowsRfc6724_UnreachableLastWithoutSource()
    {
        string[] destinations = ["192.0.2.9", "198.51.100.77", "2001:db8:dead::1", "2001:db8:9::9", "fe80::9%v0"];

        var pairs = Sort(destinations.Select(Destination).ToArray());

        Assert.Equal(["fe80::9", "2001:db8:9::9", "198.51.100.77", "192.0.2.9", "2001:db8:dead::1"],
            pairs.Select(p => Unmapped(p.DestinationAddress).ToString().Split('%')[0]));
        Assert.Equal(IPAddress.IPv6Any, pairs[3].SourceAddress.ToIPAddress());
        Assert.Equal(IPAddress.IPv6Any, pairs[4].SourceAddress.ToIPAddress());
        Assert.All(pairs, p => Assert.Equal(AddressFamily.InterNetworkV6, p.SourceAddress.Family));
        Assert.Equal(AddressTestNetwork.Index(Host, "v0"), pairs[0].SourceAddress.ScopeId);
    }

    [RootFact]
    public void Pairs_KeepTheDestinationExactly()
    {
        var withPort = SockAddrInet.FromIPEndPoint(new IPEndPoint(IPAddress.Parse("2001:db8:9::9"), 443));

        var pair = Assert.Single(Sort(withPort));

        Assert.Equal(withPort, pair.DestinationAddress);
        Assert.Equal(443, pair.DestinationAddress.Port);
    }

    [RootFact]
    public void FiveHundredDestinations_AreAllPairedInAStableOrder()
    {
        var destinations = Enumerable.Range(1, MaxSortedAddressPairDestinations)
            .Select(i => Destination($"2001:db8:9::{i:x}")).ToArray();

        var kernel = IPAddress.Parse(Host.IpJson("route", "get", "2001:db8:9::1")[0].GetProperty("prefsrc").GetString()!);

        var pairs = Sort(destinations);

        Assert.Equal(destinations, pairs.Select(p => p.DestinationAddress));
        Assert.All(pairs, p => Assert.Equal(kernel, p.SourceAddress.ToIPAddress()));
    }

    private SockAddrIn6Pair[] Sort(params SockAddrInet[] destinations)
    {
        using (Host.Enter())
        {
            Assert.Equal(NetIoStatus.Success, CreateSortedAddressPairs([], destinations, 0, out var pairs));
            using (pairs) return pairs!.AsSpan().ToArray();
        }
    }

    /// <summary>A SOCKADDR_IN6 destination: IPv4 as ::ffff:a.b.c.d, "%device" as the scope id.</summary>
    private SockAddrInet Destination(string text)
    {
        var (address, device) = Split(text);
        var parsed = IPAddress.Parse(address);
        if (parsed.AddressFamily == AddressFamily.InterNetwork) parsed = parsed.MapToIPv6();
        if (device is not null) parsed.ScopeId = AddressTestNetwork.Index(Host, device);
        return SockAddrInet.FromIPAddress(parsed);
    }

    private static (string Address, string? Device) Split(string text)
    {
        var parts = text.Split('%');
        return (parts[0], parts.Length > 1 ? parts[1] : null);
    }

    private static IPAddress Unmapped(SockAddrInet address)
    {
        var ip = address.ToIPAddress()!;
        return ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : new IPAddress(ip.GetAddressBytes());
    }
}
