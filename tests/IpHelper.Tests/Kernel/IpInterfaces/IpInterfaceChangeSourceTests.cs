using System.Collections.Concurrent;
using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Linux.Notifications;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// IpInterfaceChangeSource driven by the notification engine: interfaces appearing and going, and
/// parameter changes the kernel announces (link MTU, netconf forwarding, router advertisement flags
/// through a token change), each arriving as the row of the family it concerns.
/// </summary>
public sealed class IpInterfaceChangeSourceTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    private sealed record Event(AddressFamily Family, uint Index, MibNotificationType Type, MibIpInterfaceRow Row);

    [RootFact]
    public void Snapshot_IsTheTable()
    {
        using var ns = new TestNetns();
        ns.AddVeth("cs0", "cs1");
        using var scope = ns.Enter();
        var source = new IpInterfaceChangeSource(TestBackend.Current);
        Assert.Equal(NetIoStatus.Success, source.Read(AddressFamily.Unspecified, out var read).Status);
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (read)
        using (table)
            Assert.Equal(table!.Select(r => (r.Family, r.InterfaceIndex)).Order(), read!.Select(r => source.GroupOf(r)).Order());
    }

    [RootFact]
    public void InterfaceAddedAndDeleted_AreAddAndDeleteOfEachFamilysRow()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var events = new BlockingCollection<Event>();
        using var subscription = Start(AddressFamily.Unspecified, events);

        ns.AddVeth("cs0", "cs1");
        var index = NetIo.if_nametoindex("cs0");
        // The two families' rows come in either order.
        WaitForAll(events,
            e => e.Index == index && e.Family == AddressFamily.InterNetwork && e.Type == MibNotificationType.MibAddInstance,
            e => e.Index == index && e.Family == AddressFamily.InterNetworkV6 && e.Type == MibNotificationType.MibAddInstance);
        ns.Ip("link", "del", "cs0");
        WaitForAll(events,
            e => e.Index == index && e.Family == AddressFamily.InterNetwork && e.Type == MibNotificationType.MibDeleteInstance,
            e => e.Index == index && e.Family == AddressFamily.InterNetworkV6 && e.Type == MibNotificationType.MibDeleteInstance);
    }

    [RootFact]
    public void ForwardingChange_IsAParameterNotification_OfThatFamilyOnly()
    {
        using var ns = new TestNetns();
        ns.AddVeth("cs0", "cs1");
        var index = uint.Parse(ns.IpJson("link", "show", "cs0")[0].GetProperty("ifindex").GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
        using var scope = ns.Enter();
        var events = new BlockingCollection<Event>();
        using var subscription = Start(AddressFamily.InterNetwork, events);

        ns.SetSysctl("net.ipv4.conf.cs0.forwarding", "1");
        var change = WaitFor(events, e => e.Index == index && e.Type == MibNotificationType.MibParameterNotification);
        Assert.Equal(AddressFamily.InterNetwork, change.Family);
        Assert.True(change.Row.ForwardingEnabled);
        ns.SetSysctl("net.ipv6.conf.cs0.forwarding", "1");
        ns.Ip("link", "set", "cs0", "mtu", "1400");
        var mtu = WaitFor(events, e => e.Index == index && e.Row.NlMtu == 1400);
        Assert.Equal(AddressFamily.InterNetwork, mtu.Family);
        Assert.DoesNotContain(events, e => e.Family == AddressFamily.InterNetworkV6);
    }

    [RootFact]
    public void Ipv6DisabledAndMtuBelow1280_RemoveTheIpv6Row_AndBringItBack()
    {
        using var ns = new TestNetns();
        ns.AddVeth("cs0", "cs1");
        var index = uint.Parse(ns.IpJson("link", "show", "cs0")[0].GetProperty("ifindex").GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
        using var scope = ns.Enter();
        var events = new BlockingCollection<Event>();
        using var subscription = Start(AddressFamily.InterNetworkV6, events);

        ns.Ip("link", "set", "cs0", "mtu", "1200");
        WaitFor(events, e => e.Index == index && e.Type == MibNotificationType.MibDeleteInstance);
        ns.Ip("link", "set", "cs0", "mtu", "1500");
        var back = WaitFor(events, e => e.Index == index && e.Type == MibNotificationType.MibAddInstance);
        Assert.Equal(1500u, back.Row.NlMtu);
    }

    [Fact]
    public void Equivalent_IgnoresOnlyTheRedrawnReachableTime()
    {
        var source = new IpInterfaceChangeSource(TestBackend.Current);
        var a = new MibIpInterfaceRow { Family = AddressFamily.InterNetworkV6, InterfaceIndex = 3, ReachableTime = 20000, NlMtu = 1500 };
        var b = a;
        b.ReachableTime = 35000;
        Assert.True(source.Equivalent(a, b));
        b.NlMtu = 1400;
        Assert.False(source.Equivalent(a, b));
    }

    private static ChangeSubscription<(AddressFamily Family, uint Index), MibIpInterfaceRow> Start(AddressFamily family, BlockingCollection<Event> events)
    {
        var status = ChangeSubscription<(AddressFamily Family, uint Index), MibIpInterfaceRow>.Start(TestBackend.Context,
            new IpInterfaceChangeSource(TestBackend.Current), family,
            (row, type) => { if (row is { } r) events.Add(new Event(r.Family, r.InterfaceIndex, type, r)); },
            initialNotification: false, out var subscription);
        Assert.Equal(NetIoStatus.Success, status.Status);
        return subscription!;
    }

    /// <summary>Waits until every one of <paramref name="matches"/> has matched an event, in any order.</summary>
    private static void WaitForAll(BlockingCollection<Event> events, params Func<Event, bool>[] matches)
    {
        var pending = matches.ToList();
        var deadline = DateTime.UtcNow + s_wait;
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
            if (events.TryTake(out var item, TimeSpan.FromMilliseconds(100))) pending.RemoveAll(match => match(item));
        Assert.True(pending.Count == 0, $"{pending.Count} of the {matches.Length} expected notifications did not come");
    }

    private static Event WaitFor(BlockingCollection<Event> events, Func<Event, bool> match)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (DateTime.UtcNow < deadline)
            if (events.TryTake(out var item, TimeSpan.FromMilliseconds(100)) && match(item)) return item;
        Assert.Fail("the expected notification did not come");
        return null!;
    }
}
