using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using IpHelper.Linux;
using IpHelper.Linux.Notifications;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>The notification engine, driven by the interface table (RTM_NEWLINK / RTM_DELLINK).</summary>
public sealed class ChangeSubscriptionTests
{
    [RootFact]
    public void Start_WithInitialNotification_CallsBackBeforeReturning()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var calls = new List<(MibIfRow2? Row, MibNotificationType Type)>();
        var status = Start((row, type) => calls.Add((row, type)), out var subscription);
        using (subscription)
        {
            Assert.Equal(NetIoStatus.Success, status.Status);
            var only = Assert.Single(calls);
            Assert.Null(only.Row);
            Assert.Equal(MibNotificationType.MibInitialNotification, only.Type);
        }
    }

    [RootFact]
    public void LinkAddedChangedDeleted_AreToldApart()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var events = new BlockingCollection<(string Name, MibNotificationType Type, uint Mtu)>();
        Start((row, type) => { if (row is { } r) events.Add((r.Alias, type, r.Mtu)); }, out var subscription);
        using (subscription)
        {
            ns.AddVeth("nt0", "nt1");
            Events.WaitFor(events, e => e.Name == "nt0" && e.Type == MibNotificationType.MibAddInstance);
            ns.Ip("link", "set", "nt0", "mtu", "1400");
            Events.WaitFor(events, e => e.Name == "nt0" && e.Type == MibNotificationType.MibParameterNotification && e.Mtu == 1400);
            ns.Ip("link", "del", "nt0");
            Events.WaitFor(events, e => e.Name == "nt0" && e.Type == MibNotificationType.MibDeleteInstance);
            Events.WaitFor(events, e => e.Name == "nt1" && e.Type == MibNotificationType.MibDeleteInstance);
        }
    }

    [RootFact]
    public void Cancel_FromInsideCallback_ReturnsAndStopsCallbacks()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        NotificationHandle? handle = null;
        var cancelledInside = new ManualResetEventSlim();
        var callsAfterCancel = 0;
        Start((row, type) =>
        {
            if (row is null) return;
            if (cancelledInside.IsSet) Interlocked.Increment(ref callsAfterCancel);
            Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
            cancelledInside.Set();
        }, out var subscription);
        handle = subscription;
        ns.AddVeth("nc0", "nc1");
        Assert.True(cancelledInside.Wait(Events.Wait), "no callback ran");
        ns.Ip("link", "set", "nc0", "mtu", "1300");
        Thread.Sleep(300);
        Assert.Equal(0, Volatile.Read(ref callsAfterCancel));
        Assert.True(handle!.IsCancelled);
        Assert.Equal(NetIoStatus.InvalidHandle, NetIo.CancelMibChangeNotify2(handle));
    }

    [RootFact]
    public void Cancel_WaitsForRunningCallback_AndNoneStartsAfter()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var inCallback = new ManualResetEventSlim();
        var running = 0;
        var after = 0;
        var cancelled = false;
        Start((row, type) =>
        {
            if (row is null) return;
            if (Volatile.Read(ref cancelled)) Interlocked.Increment(ref after);
            Interlocked.Increment(ref running);
            inCallback.Set();
            Thread.Sleep(500);
            Interlocked.Decrement(ref running);
        }, out var subscription);
        ns.AddVeth("nw0", "nw1");
        Assert.True(inCallback.Wait(Events.Wait));
        Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(subscription));
        Volatile.Write(ref cancelled, true);
        Assert.Equal(0, Volatile.Read(ref running));
        ns.Ip("link", "set", "nw0", "mtu", "1280");
        Thread.Sleep(300);
        Assert.Equal(0, Volatile.Read(ref after));
    }

    [RootFact]
    public void CallbackThatThrows_IsReported_AndRegistrationGoesOn()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var failures = new ConcurrentQueue<Exception>();
        void OnFailure(Exception e) => failures.Enqueue(e);
        NetIo.NotificationCallbackFailed += OnFailure;
        try
        {
            var seen = new BlockingCollection<string>();
            Start((row, type) =>
            {
                if (row is not { } r) return;
                seen.Add(r.Alias);
                if (r.Alias == "nx0") throw new InvalidOperationException("callback failure on purpose");
            }, out var subscription);
            using (subscription)
            {
                ns.AddVeth("nx0", "nx1");
                ns.AddVeth("ny0", "ny1");
                Events.WaitFor(seen, name => name == "ny0");
                Assert.Contains(failures, e => e.Message == "callback failure on purpose");
            }
        }
        finally
        {
            NetIo.NotificationCallbackFailed -= OnFailure;
        }
    }

    [RootFact]
    public void Overrun_IsResynchronised_AndSubscriberViewEqualsKernel()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var view = new Dictionary<uint, string>();
        var gate = new ManualResetEventSlim();
        var status = ChangeSubscription<uint, MibIfRow2>.Start(TestBackend.Context, new InterfaceChangeSource(TestBackend.Current), AddressFamily.Unspecified,
            (row, type) =>
            {
                // The first change blocks the registration's thread so that its tiny queue bound overruns.
                gate.Wait(Events.Wait);
                if (row is not { } r) return;
                lock (view)
                {
                    if (type == MibNotificationType.MibDeleteInstance) Assert.True(view.Remove(r.InterfaceIndex), $"delete of unknown {r.Alias}");
                    else if (type == MibNotificationType.MibAddInstance) view.Add(r.InterfaceIndex, r.Alias);
                    else view[r.InterfaceIndex] = r.Alias;
                }
            },
            initialNotification: false, out var subscription, maxQueuedBytes: 4096);
        Assert.Equal(NetIoStatus.Success, status.Status);
        using (subscription)
        {
            NetIo.GetIfTable2(out var initial).ThrowIfFailed();
            using (initial) lock (view) foreach (var row in initial!) view.Add(row.InterfaceIndex, row.Alias);
            var batch = new StringBuilder();
            for (var i = 0; i < 150; i++) batch.AppendLine($"link add ov{i} type veth peer name ow{i}");
            for (var i = 0; i < 150; i += 3) batch.AppendLine($"link del ov{i}");
            ns.Batch(batch.ToString());
            gate.Set();
            var expected = ExpectedLinks(ns);
            var deadline = DateTime.UtcNow + Events.Wait;
            while (DateTime.UtcNow < deadline && !SameView(view, expected)) Thread.Sleep(100);
            Assert.True(subscription!.Resyncs > 0, "the tiny queue bound did not overrun; the resync path did not run");
            lock (view) Assert.Equal(expected.OrderBy(p => p.Key), view.OrderBy(p => p.Key));
        }
    }

    private static bool SameView(Dictionary<uint, string> view, Dictionary<uint, string> expected)
    {
        lock (view) return view.Count == expected.Count && expected.All(p => view.TryGetValue(p.Key, out var name) && name == p.Value);
    }

    private static Dictionary<uint, string> ExpectedLinks(TestNetns ns) =>
        ns.IpJson("link", "show").EnumerateArray()
            .ToDictionary(l => l.GetProperty("ifindex").GetUInt32(), l => l.GetProperty("ifname").GetString()!);

    private static BackendResult Start(ChangeCallback<MibIfRow2> callback, out ChangeSubscription<uint, MibIfRow2>? subscription) =>
        ChangeSubscription<uint, MibIfRow2>.Start(TestBackend.Context, new InterfaceChangeSource(TestBackend.Current), AddressFamily.Unspecified, callback,
            initialNotification: true, out subscription);
}
