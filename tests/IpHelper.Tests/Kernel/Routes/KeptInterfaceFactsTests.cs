using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>
/// The interface facts GetBestRoute2 keeps between calls: a replaced interface (same index, other kind)
/// is seen at once, and interface metrics are never kept.
/// </summary>
public sealed class KeptInterfaceFactsTests
{
    [RootFact]
    public void Resolve_InterfaceReplacedUnderTheSameIndex_ReturnsTheNewLuid()
    {
        using var ns = new TestNetns();
        var index = AddVeth(ns);
        using var scope = ns.Enter();
        var cache = TestBackend.Context.Links;

        var before = Resolve(cache, index, priority: 100);
        ns.Ip("link", "del", "c0");
        ns.Ip("link", "add", "c0", "index", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "type", "bridge");
        var after = Resolve(cache, index, priority: 100);

        Assert.Equal((ushort)IfType.EthernetCsmacd, before.InterfaceLuid.IfType);
        Assert.Equal((ushort)209, after.InterfaceLuid.IfType);
        Assert.Equal(index, after.InterfaceLuid.NetLuidIndex);
    }

    [RootFact]
    public void Resolve_MetricSetAfterTheFirstCall_IsSubtractedFromTheNextRow()
    {
        using var ns = new TestNetns();
        var index = AddVeth(ns);
        using var scope = ns.Enter();
        var cache = TestBackend.Context.Links;

        var before = Resolve(cache, index, priority: 100);
        Assert.Equal(0, TestBackend.Context.Metrics.Set(AddressFamily.InterNetwork, index, "c0", 30));
        var after = Resolve(cache, index, priority: 100);

        Assert.Equal(100u, before.Metric);
        Assert.Equal(70u, after.Metric);
        Assert.Contains($"inet {index} c0 30", File.ReadAllLines(ns.MetricStoreFile));
    }

    /// <summary>The parsed store is kept between calls: a file another process writes must still be seen by the very next row.</summary>
    [RootFact]
    public void Resolve_MetricWrittenByAnotherProcess_IsSubtractedFromTheNextRow()
    {
        using var ns = new TestNetns();
        var index = AddVeth(ns);
        using var scope = ns.Enter();
        var cache = TestBackend.Context.Links;
        var file = ns.MetricStoreFile;

        var before = Resolve(cache, index, priority: 100);
        Command.Run("sh", "-c", $"mkdir -p /run/iphelper && printf 'inet {index} c0 40\\n' > {file}");
        var after = Resolve(cache, index, priority: 100);
        Command.Run("rm", "-f", file);
        var removed = Resolve(cache, index, priority: 100);

        Assert.Equal(100u, before.Metric);
        Assert.Equal(60u, after.Metric);
        Assert.Equal(100u, removed.Metric);
    }

    [RootFact]
    public void Generation_ChangesOnlyWhenALinkChanged()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        using var watch = new LinkChangeWatch(TestBackend.Context, anchor: null);

        var first = watch.Generation();
        var unchanged = watch.Generation();
        ns.AddVeth("c0", "c1");
        var added = watch.Generation();
        ns.Ip("link", "set", "c0", "mtu", "1400");
        var changed = watch.Generation();

        Assert.Equal(first, unchanged);
        Assert.NotEqual(unchanged, added);
        Assert.NotEqual(added, changed);
    }

    /// <summary>
    /// Every watch of the process is checked by one epoll_wait: a link change in one namespace that a call in
    /// another namespace found first still changes its own watch's number, and nobody else's.
    /// </summary>
    [RootFact]
    public void Generation_ChangeFoundByAnotherNamespacesCheck_IsStillReported_AndOnlyThere()
    {
        using var first = new TestNetns();
        using var second = new TestNetns();
        using var third = new TestNetns();
        using var firstScope = first.Enter();
        using var firstWatch = new LinkChangeWatch(TestBackend.Context, anchor: null);
        using var secondScope = second.Enter();
        using var secondWatch = new LinkChangeWatch(TestBackend.Context, anchor: null);
        using var thirdScope = third.Enter();
        var thirdWatch = new LinkChangeWatch(TestBackend.Context, anchor: null);
        thirdWatch.Generation();
        var firstBefore = firstWatch.Generation();
        var secondBefore = secondWatch.Generation();

        first.AddVeth("c0", "c1");
        // A closed watch whose namespace changes is no longer looked at.
        thirdWatch.Dispose();
        third.AddVeth("c0", "c1");
        var secondAfter = secondWatch.Generation();
        var firstAfter = firstWatch.Generation();

        Assert.Equal(secondBefore, secondAfter);
        Assert.NotEqual(firstBefore, firstAfter);
        Assert.Equal(firstAfter, firstWatch.Generation());
    }

    /// <summary>Adds the veth pair c0/c1 and returns the index of c0.</summary>
    private static uint AddVeth(TestNetns ns)
    {
        ns.AddVeth("c0", "c1");
        return RouteOracle.Index(ns, "c0");
    }

    private static MibIpForwardRow2 Resolve(LinkChangeWatch cache, uint index, uint priority)
    {
        var row = new MibIpForwardRow2
        {
            InterfaceIndex = index,
            DestinationPrefix = new IpAddressPrefix(Address("198.51.100.0"), 24),
            NextHop = Address("192.0.2.2"),
            Metric = priority,
            Protocol = NlRouteProtocol.RouteProtocolNetMgmt,
            Origin = NlRouteOrigin.NlroManual,
        };
        using var lease = TestBackend.Context.Sockets.Rent();
        var error = cache.ResolveRoute(lease.Socket, ref row);
        Assert.False(error.Failed, error.ToString());
        return row;
    }

    private static SockAddrInet Address(string text) => SockAddrInet.TryParse(text, out var address) ? address : throw new ArgumentException(text);
}
