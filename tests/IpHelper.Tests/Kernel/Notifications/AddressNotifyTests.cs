using System.Collections.Concurrent;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>NotifyUnicastIpAddressChange and NotifyStableUnicastIpAddressTable against addresses added with iproute2.</summary>
public sealed class AddressNotifyTests
{
    [RootFact]
    public void NotifyUnicastIpAddressChange_AddDadDoneDelete()
    {
        using var ns = new TestNetns();
        ns.AddVeth("an0", "an1");
        ns.SetSysctl("net.ipv6.conf.an0.dad_transmits", "1");
        using var scope = ns.Enter();
        var events = new BlockingCollection<(MibUnicastIpAddressRow? Row, MibNotificationType Type)>();
        Assert.Equal(NetIoStatus.Success,
            NetIo.NotifyUnicastIpAddressChange(AddressFamily.InterNetworkV6, (_, r, t) => events.Add((r, t)), null, true, out var handle));
        using (handle)
        {
            Assert.True(events.TryTake(out var initial));
            Assert.Equal(MibNotificationType.MibInitialNotification, initial.Type);
            ns.AddAddress("an0", "2001:db8:7::1/64");
            var added = Events.WaitFor(events, e => e.Type == MibNotificationType.MibAddInstance && e.Row!.Value.Address.ToString() == "2001:db8:7::1");
            Assert.Equal(NlDadState.IpDadStateTentative, added.Row!.Value.DadState);
            Events.WaitFor(events, e => e.Type == MibNotificationType.MibParameterNotification && e.Row!.Value.Address.ToString() == "2001:db8:7::1"
                && e.Row.Value.DadState == NlDadState.IpDadStatePreferred);
            ns.Ip("address", "del", "2001:db8:7::1/64", "dev", "an0");
            Events.WaitFor(events, e => e.Type == MibNotificationType.MibDeleteInstance && e.Row!.Value.Address.ToString() == "2001:db8:7::1");
            ns.AddAddress("an0", "192.0.2.7/24");
            Assert.DoesNotContain(Events.Drain(events), e => e.Row is { } r && r.Address.Family == AddressFamily.InterNetwork);
        }
    }

    [RootFact]
    public void NotifyStableUnicastIpAddressTable_NoTentativeAddress_ReturnsTableAtOnce()
    {
        using var ns = new TestNetns();
        ns.AddVeth("as0", "as1");
        ns.AddAddress("as0", "2001:db8:8::1/64", "nodad");
        ns.AddAddress("as0", "198.51.100.8/24");
        // Wait (by iproute2's account) until the link-local addresses have finished DAD.
        var deadline = DateTime.UtcNow + Events.Wait;
        while (ns.Ip("address", "show").Contains("tentative", StringComparison.Ordinal) && DateTime.UtcNow < deadline) Thread.Sleep(100);
        using var scope = ns.Enter();
        var called = 0;
        var status = NetIo.NotifyStableUnicastIpAddressTable(AddressFamily.Unspecified, out var table, (_, t) => Interlocked.Increment(ref called), null, out var handle);
        Assert.True(NetIoStatus.Success == status, ns.Ip("address", "show"));
        Assert.Null(handle);
        using (table)
        {
            Assert.Contains(table!, r => r.Address.ToString() == "2001:db8:8::1");
            Assert.Contains(table!, r => r.Address.ToString() == "198.51.100.8");
            Assert.DoesNotContain(table!, r => r.DadState == NlDadState.IpDadStateTentative);
        }
        Thread.Sleep(200);
        Assert.Equal(0, called);
    }

    [RootFact]
    public void NotifyStableUnicastIpAddressTable_TentativeAddress_PendsThenCallsBackWithStableTable()
    {
        using var ns = new TestNetns();
        ns.AddVeth("at0", "at1");
        ns.SetSysctl("net.ipv6.conf.at0.dad_transmits", "2");
        ns.AddAddress("at0", "2001:db8:9::1/64");
        using var scope = ns.Enter();
        var delivered = new BlockingCollection<(object? Context, List<MibUnicastIpAddressRow> Rows)>();
        var context = new object();
        var status = NetIo.NotifyStableUnicastIpAddressTable(AddressFamily.InterNetworkV6, out var table,
            (c, t) => { using (t) delivered.Add((c, t.ToList())); }, context, out var handle);
        Assert.Equal(NetIoStatus.IoPending, status);
        Assert.Null(table);
        Assert.NotNull(handle);
        Assert.True(delivered.TryTake(out var result, Events.Wait), "the stable table never came");
        Assert.Same(context, result.Context);
        var address = Assert.Single(result.Rows, r => r.Address.ToString() == "2001:db8:9::1");
        Assert.Equal(NlDadState.IpDadStatePreferred, address.DadState);
        Assert.True(handle!.IsCancelled);
        Assert.False(delivered.TryTake(out _, 300));
    }

    [RootFact]
    public void NotifyStableUnicastIpAddressTable_CancelWhilePending_NeverCallsBack()
    {
        using var ns = new TestNetns();
        ns.AddVeth("ac0", "ac1");
        ns.SetSysctl("net.ipv6.conf.ac0.dad_transmits", "3");
        ns.AddAddress("ac0", "2001:db8:a::1/64");
        using var scope = ns.Enter();
        var called = 0;
        var status = NetIo.NotifyStableUnicastIpAddressTable(AddressFamily.InterNetworkV6, out _, (_, t) => { t.Dispose(); Interlocked.Increment(ref called); }, null, out var handle);
        Assert.Equal(NetIoStatus.IoPending, status);
        Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
        Thread.Sleep(4000);
        Assert.Equal(0, called);
    }

    [Fact]
    public void NotifyStableUnicastIpAddressTable_BadArguments_AreInvalidParameter()
    {
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.NotifyStableUnicastIpAddressTable((AddressFamily)21, out var t1, (_, _) => { }, null, out var h1));
        Assert.Null(t1);
        Assert.Null(h1);
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.NotifyStableUnicastIpAddressTable(AddressFamily.Unspecified, out _, null, null, out _));
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.NotifyUnicastIpAddressChange((AddressFamily)21, (_, _, _) => { }, null, false, out _));
    }
}
