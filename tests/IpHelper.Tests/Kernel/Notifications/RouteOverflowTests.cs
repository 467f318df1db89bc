using System.Net.Sockets;
using System.Text;
using IpHelper.Linux;
using IpHelper.Linux.Notifications;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>
/// A route subscriber whose callback is slow and whose queue bound is tiny, under 100,000 route
/// changes: the queue (or the kernel's buffer) overruns, the registration resynchronises, and the subscriber that
/// applied every callback ends with exactly the routes `ip -j -6 route` shows.
/// </summary>
public sealed class RouteOverflowTests
{
    private const int Added = 60_000, Deleted = 40_000;

    [RootFact]
    public void HundredThousandRouteChanges_WithSlowCallbackAndTinyBuffer_EndWithKernelView()
    {
        using var ns = new TestNetns();
        ns.AddVeth("ro0", "ro1");
        using var scope = ns.Enter();
        var view = new HashSet<string>();
        var gate = new ManualResetEventSlim();
        var status = ChangeSubscription<IpAddressPrefix, MibIpForwardRow2>.Start(TestBackend.Context,
            new RouteChangeSource(TestBackend.Current, RouteTableSelection.Default), AddressFamily.InterNetworkV6,
            (row, type) =>
            {
                gate.Wait(Events.Wait);
                if (row is not { } r || !InChurnedRange(r.DestinationPrefix)) return;
                lock (view)
                {
                    if (type == MibNotificationType.MibDeleteInstance) view.Remove(r.DestinationPrefix.ToString());
                    else view.Add(r.DestinationPrefix.ToString());
                }
            },
            initialNotification: false, out var subscription, maxQueuedBytes: 4096);
        Assert.Equal(NetIoStatus.Success, status.Status);
        using (subscription)
        {
            var batch = new StringBuilder();
            for (var i = 0; i < Added; i++) batch.Append($"route add 2001:db8:1{i >> 16:x}:{i & 0xffff:x}::/64 dev ro0\n");
            for (var i = 0; i < Deleted; i++) batch.Append($"route del 2001:db8:1{i >> 16:x}:{i & 0xffff:x}::/64 dev ro0\n");
            ns.Batch(batch.ToString());
            gate.Set();

            var expected = ns.IpJson("-6", "route", "show").EnumerateArray()
                .Select(r => r.GetProperty("dst").GetString()!)
                .Where(d => d.StartsWith("2001:db8:1", StringComparison.Ordinal))
                .ToHashSet();
            Assert.Equal(Added - Deleted, expected.Count);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (DateTime.UtcNow < deadline && !Same(view, expected)) Thread.Sleep(200);
            Assert.True(subscription!.Resyncs > 0, "the tiny buffer never overran: the resync path did not run");
            lock (view) Assert.True(view.SetEquals(expected), $"subscriber has {view.Count} routes, the kernel {expected.Count}");
            TestContext.Current.SendDiagnosticMessage($"{Added + Deleted} route changes, {subscription.Resyncs} resyncs, subscriber view = kernel ({expected.Count} routes)");
        }
    }

    private static bool InChurnedRange(in IpAddressPrefix prefix) =>
        prefix.PrefixLength == 64 && prefix.ToString().StartsWith("2001:db8:1", StringComparison.Ordinal);

    private static bool Same(HashSet<string> view, HashSet<string> expected)
    {
        lock (view) return view.SetEquals(expected);
    }
}
