using System.Collections.Concurrent;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>NotifyRouteChange2 and NotifyIpInterfaceChange, checked against changes made with iproute2.</summary>
public sealed class NotifyFunctionTests
{
    [RootFact]
    public void NotifyRouteChange2_ReportsRoutesAddedAndDeletedByIp()
    {
        using var ns = new TestNetns();
        ns.AddVeth("rn0", "rn1");
        ns.AddAddress("rn0", "198.51.100.1/24");
        using var scope = ns.Enter();
        var events = new BlockingCollection<(object? Context, MibIpForwardRow2? Row, MibNotificationType Type)>();
        var context = new object();
        Assert.Equal(NetIoStatus.Success, NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, (c, r, t) => events.Add((c, r, t)), context, true, out var handle));
        using (handle)
        {
            Assert.True(events.TryTake(out var initial));
            Assert.Equal((context, (MibIpForwardRow2?)null, MibNotificationType.MibInitialNotification), initial);
            ns.Ip("route", "add", "203.0.113.0/24", "via", "198.51.100.2", "metric", "50");
            var added = Events.WaitFor(events, e => e.Type == MibNotificationType.MibAddInstance && e.Row!.Value.DestinationPrefix.ToString() == "203.0.113.0/24");
            Assert.Equal("198.51.100.2", added.Row!.Value.NextHop.ToString());
            Assert.Equal(50u, added.Row!.Value.Metric);
            Assert.Same(context, added.Context);
            ns.Ip("route", "del", "203.0.113.0/24", "via", "198.51.100.2", "metric", "50");
            Events.WaitFor(events, e => e.Type == MibNotificationType.MibDeleteInstance && e.Row!.Value.DestinationPrefix.ToString() == "203.0.113.0/24");
            ns.Ip("-6", "route", "add", "2001:db8:5::/48", "dev", "rn0");
            Assert.DoesNotContain(Events.Drain(events), e => e.Row is { } r && r.DestinationPrefix.Prefix.Family == AddressFamily.InterNetworkV6);
        }
    }

    [RootFact]
    public void NotifyIpInterfaceChange_ReportsMtuChangeAsParameter_AndLinkDeletion()
    {
        using var ns = new TestNetns();
        ns.AddVeth("in0", "in1");
        using var scope = ns.Enter();
        var events = new BlockingCollection<(MibIpInterfaceRow? Row, MibNotificationType Type)>();
        Assert.Equal(NetIoStatus.Success, NetIo.NotifyIpInterfaceChange(AddressFamily.Unspecified, (_, r, t) => events.Add((r, t)), null, false, out var handle));
        using (handle)
        {
            var index = uint.Parse(ns.IpJson("link", "show", "in0")[0].GetProperty("ifindex").ToString(), System.Globalization.CultureInfo.InvariantCulture);
            ns.Ip("link", "set", "in0", "mtu", "1400");
            var changed = Events.WaitFor(events, e => e.Type == MibNotificationType.MibParameterNotification
                && e.Row!.Value.InterfaceIndex == index && e.Row.Value.Family == AddressFamily.InterNetwork);
            Assert.Equal(1400u, changed.Row!.Value.NlMtu);
            ns.Ip("link", "del", "in0");
            Events.WaitFor(events, e => e.Type == MibNotificationType.MibDeleteInstance && e.Row!.Value.InterfaceIndex == index);
        }
    }

    [Fact]
    public void Notify_BadFamilyOrNullCallback_IsInvalidParameter()
    {
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.NotifyRouteChange2((AddressFamily)21, (_, _, _) => { }, null, false, out var a));
        Assert.Null(a);
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.NotifyRouteChange2(AddressFamily.InterNetwork, null, null, false, out var b));
        Assert.Null(b);
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.NotifyIpInterfaceChange((AddressFamily)21, (_, _, _) => { }, null, false, out var c));
        Assert.Null(c);
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.CancelMibChangeNotify2(null));
    }
}
