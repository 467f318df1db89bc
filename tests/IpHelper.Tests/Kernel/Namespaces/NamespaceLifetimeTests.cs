using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Notifications;
using IpHelper.Tests.Kernel.Routes;
using Xunit;

namespace IpHelper.Tests.Kernel.Namespaces;

/// <summary>
/// Scopes and subscriptions that outlive each other: each test is named after a failure the
/// ambient-scope design had, and checks the kernel with <c>ip -n</c>, never with our own reader.
/// </summary>
[Collection(typeof(NonParallelCollection))]
public sealed class NamespaceLifetimeTests(ITestOutputHelper output)
{
    /// <summary>
    /// The crash: a registration made inside a scope re-read sysctls through the disposed scope on its
    /// thread (ObjectDisposedException on a background thread ended the process). Now the registration
    /// holds its namespace and goes on delivering.
    /// </summary>
    [RootFact]
    public void NotifyIpInterfaceChange_ScopeDisposedThenMtuChanged_DeliversTheChangeAndNothingThrows()
    {
        using var ns = new TestNetns();
        ns.AddVeth("v0", "v1");
        var index = RouteOracle.Index(ns, "v0");
        var events = new BlockingCollection<(uint Index, uint Mtu, MibNotificationType Type)>();
        var failures = new ConcurrentQueue<Exception>();
        void OnFailure(Exception e) => failures.Enqueue(e);
        NetIo.NotificationCallbackFailed += OnFailure;
        NotificationHandle? handle;
        try
        {
            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.Success, NetIo.NotifyIpInterfaceChange(AddressFamily.InterNetwork,
                    (_, row, type) => { if (row is { } r) events.Add((r.InterfaceIndex, r.NlMtu, type)); }, null, false, out handle));
            }

            ns.Ip("link", "set", "v0", "mtu", "1400");

            var changed = Events.WaitFor(events, e => e.Index == index && e.Mtu == 1400);
            Assert.Equal(MibNotificationType.MibParameterNotification, changed.Type);
            Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
            Assert.Empty(failures);
        }
        finally
        {
            NetIo.NotificationCallbackFailed -= OnFailure;
        }
    }

    /// <summary>
    /// Calls in the wrong namespace: inside a callback of a registration made in X, a scope entered for Y
    /// used to read and write X (the thread's pinned socket won). Now Y is read and written, and outside
    /// that inner scope the callback acts on X, the registration's namespace.
    /// </summary>
    [RootFact]
    public void EnterY_InsideACallbackOfARegistrationInX_ReadsAndWritesY()
    {
        using var x = new TestNetns();
        using var y = new TestNetns();
        x.AddVeth("xa", "xb");
        x.Up("xa");
        y.AddVeth("ya", "yb");
        y.Up("ya");
        y.AddAddress("ya", "198.51.100.1/24");
        var yIndex = RouteOracle.Index(y, "ya");
        var seen = new BlockingCollection<(string[] InCallback, string[] InY, NetIoStatus Created)>();
        var mirrored = 0;
        NotificationHandle? handle;
        using (x.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.NotifyUnicastIpAddressChange(AddressFamily.InterNetwork, (_, row, type) =>
            {
                if (type != MibNotificationType.MibAddInstance || Interlocked.Exchange(ref mirrored, 1) != 0) return;
                var inCallback = Names();
                string[] inY;
                NetIoStatus created;
                using (NetNamespace.Enter(y.Name))
                {
                    inY = Names();
                    created = NetIo.CreateIpForwardEntry2(RouteTestData.Row("203.0.113.0/24", "198.51.100.2", yIndex));
                }
                seen.Add((inCallback, inY, created));
            }, null, false, out handle));
        }

        x.AddAddress("xa", "192.0.2.1/24");

        var (names, namesInY, status) = Events.WaitFor(seen, _ => true);
        Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
        Assert.Equal(OracleNames(x), names);
        Assert.Equal(OracleNames(y), namesInY);
        Assert.Equal(NetIoStatus.Success, status);
        Assert.Contains("203.0.113.0/24", y.Ip("-4", "route", "show", "203.0.113.0/24"), StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.0/24", x.Ip("-4", "route", "show", "table", "all"), StringComparison.Ordinal);
    }

    /// <summary>A scope disposed while its subscription runs: ten seconds of route changes afterwards all arrive, in order.</summary>
    [RootFact]
    public void ScopeDisposedWhileItsSubscriptionRuns_TenSecondsOfChanges_EveryChangeDelivered()
    {
        using var ns = new TestNetns();
        ns.AddVeth("v0", "v1");
        ns.Up("v0");
        ns.AddAddress("v0", "192.0.2.1/24");
        var events = new ConcurrentQueue<(string Prefix, MibNotificationType Type)>();
        NotificationHandle? handle;
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.NotifyRouteChange2(AddressFamily.InterNetwork,
                (_, row, type) => { if (row is { } r) events.Enqueue((r.DestinationPrefix.ToString(), type)); }, null, false, out handle));
        }

        var expected = new List<(string, MibNotificationType)>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        for (var i = 0; DateTime.UtcNow < deadline; i++)
        {
            var prefix = $"198.51.100.{i % 250}/32";
            ns.Ip("route", "add", prefix, "via", "192.0.2.2");
            ns.Ip("route", "del", prefix, "via", "192.0.2.2");
            expected.Add((prefix, MibNotificationType.MibAddInstance));
            expected.Add((prefix, MibNotificationType.MibDeleteInstance));
        }

        var settle = DateTime.UtcNow + Events.Wait;
        while (events.Count < expected.Count && DateTime.UtcNow < settle) Thread.Sleep(50);
        Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
        output.WriteLine($"{expected.Count} route changes made and delivered after the scope was disposed; resyncs {handle!.Resyncs}");
        Assert.Equal(expected, events.Where(e => e.Prefix.StartsWith("198.51.100.", StringComparison.Ordinal)).ToList());
    }

    /// <summary>
    /// The namespace deleted under a subscription (<c>ip netns del</c>): the registration reports every row
    /// it had reported as deleted, ends with EndStatus BadNetName, and nothing throws anywhere; a stream
    /// of the same namespace ends with NetIoException(BadNetName).
    /// </summary>
    [RootFact]
    public async Task NamespaceDeletedUnderASubscription_DeletesEveryRowAndEndsWithBadNetName()
    {
        var ns = new TestNetns();
        NotificationHandle? handle;
        var rows = new ConcurrentDictionary<string, byte>();
        var deleted = new ConcurrentQueue<string>();
        IAsyncEnumerator<MibChange<MibUnicastIpAddressRow>> stream;
        try
        {
            ns.AddVeth("v0", "v1");
            ns.AddAddress("v0", "192.0.2.1/24");
            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.Success, NetIo.NotifyUnicastIpAddressChange(AddressFamily.InterNetwork, (_, row, type) =>
                {
                    if (row is not { } r) return;
                    if (type == MibNotificationType.MibDeleteInstance) deleted.Enqueue(r.Address.ToString());
                }, null, false, out handle));
                stream = NetIo.WatchUnicastIpAddressChanges(AddressFamily.InterNetwork, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
                Assert.True(await stream.MoveNextAsync());
                Assert.Equal(MibNotificationType.MibInitialNotification, stream.Current.NotificationType);
            }
            foreach (var address in OracleAddresses(ns)) rows[address] = 0;
        }
        finally
        {
            ns.Dispose();
        }

        var deadline = DateTime.UtcNow + Events.Wait;
        while (!handle!.IsCancelled && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.True(handle.IsCancelled, "the registration did not end after its namespace was deleted");
        Assert.Equal(NetIoStatus.BadNetName, handle.EndStatus);
        Assert.Equal(rows.Keys.Order(), deleted.Order());
        Assert.Equal(NetIoStatus.InvalidHandle, NetIo.CancelMibChangeNotify2(handle));

        var streamDeletes = new List<string>();
        var ended = await Assert.ThrowsAsync<NetIoException>(async () =>
        {
            while (await stream.MoveNextAsync())
                if (stream.Current is { NotificationType: MibNotificationType.MibDeleteInstance, Row: { } row }) streamDeletes.Add(row.Address.ToString());
        });
        Assert.Equal(NetIoStatus.BadNetName, ended.Status);
        Assert.Equal(rows.Keys.Order(), streamDeletes.Order());
        await stream.DisposeAsync();
    }

    /// <summary>10,000 Enter/Dispose cycles, each with a call inside: no descriptor, thread or memory growth.</summary>
    [RootFact]
    public void EnterAndDispose_TenThousandTimes_NoDescriptorThreadOrMemoryGrowth()
    {
        const int Cycles = 10_000;
        using var ns = new TestNetns();
        void Cycle()
        {
            using (NetNamespace.Enter(ns.Name))
            {
                var row = new MibIfRow2 { InterfaceIndex = 1 };
                var status = NetIo.GetIfEntry2(ref row);
                if (status != NetIoStatus.Success) Assert.Fail($"GetIfEntry2: {status}");
            }
        }

        for (var i = 0; i < 100; i++) Cycle();
        var before = Reliability.Resources.ProcessResources.Measure();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Cycles; i++) Cycle();
        stopwatch.Stop();
        var after = Reliability.Resources.ProcessResources.MeasureSettled(before, threadSlack: 2);
        output.WriteLine($"{Cycles} cycles in {stopwatch.Elapsed.TotalSeconds:0.0} s; before {before}; after {after}");
        Assert.InRange(after.Descriptors, 0, before.Descriptors + 2);
        Assert.InRange(after.Threads, 0, before.Threads + 2);
        Assert.InRange(after.ManagedBytes, 0, before.ManagedBytes + (4 << 20));
        Assert.Equal(1, IpHelper.Linux.Namespaces.NamespaceContext.OpenCount);
    }

    /// <summary>
    /// 16 tasks, each in its own namespace, awaiting inside their scopes (continuations on other threads):
    /// every table read matches <c>ip -n NS -j</c> of its own namespace.
    /// </summary>
    [RootFact]
    public async Task SixteenTasks_InDifferentNamespaces_AwaitingInsideTheScopes_EachReadsItsOwnNamespace()
    {
        const int Tasks = 16, Rounds = 20;
        var namespaces = new List<TestNetns>();
        try
        {
            for (var i = 0; i < Tasks; i++)
            {
                var ns = new TestNetns();
                namespaces.Add(ns);
                ns.AddVeth($"t{i}", $"p{i}");
                ns.Up($"t{i}");
                ns.AddAddress($"t{i}", $"192.0.2.{i + 1}/24");
                ns.Ip("route", "add", $"198.51.100.{i}/32", "via", "192.0.2.200");
            }
            var expected = namespaces.Select(ns => (Routes: OracleRoutes(ns), Addresses: OracleAddresses(ns).Order().ToArray(), Names: OracleNames(ns))).ToArray();

            var work = namespaces.Select((ns, i) => Task.Run(async () =>
            {
                for (var round = 0; round < Rounds; round++)
                {
                    using (NetNamespace.Enter(ns.Name))
                    {
                        await Task.Yield();
                        Assert.Equal(expected[i].Names, Names());
                        await Task.Delay(1, TestContext.Current.CancellationToken);
                        Assert.Equal(expected[i].Routes, Routes());
                        await Task.Yield();
                        Assert.Equal(expected[i].Addresses, Addresses());
                    }
                }
            }, TestContext.Current.CancellationToken)).ToArray();
            await Task.WhenAll(work);
        }
        finally
        {
            foreach (var ns in namespaces) ns.Dispose();
        }
    }

    private static string[] Names()
    {
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfTable2(out var table));
        using (table) return [.. table!.Select(r => r.Alias).Order()];
    }

    private static string[] OracleNames(TestNetns ns) =>
        [.. ns.IpJson("link", "show").EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!).Order()];

    private static string[] Routes()
    {
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
        using (table)
            return [.. table!.Where(r => r.DestinationPrefix.Prefix.ToString().StartsWith("198.51.100.", StringComparison.Ordinal)).Select(r => r.DestinationPrefix.ToString()).Order()];
    }

    private static string[] OracleRoutes(TestNetns ns) =>
        [.. ns.IpJson("-4", "route", "show").EnumerateArray().Select(r => r.GetProperty("dst").GetString()!)
            .Where(d => d.StartsWith("198.51.100.", StringComparison.Ordinal)).Select(d => d.Contains('/') ? d : d + "/32").Order()];

    private static string[] Addresses()
    {
        Assert.Equal(NetIoStatus.Success, NetIo.GetUnicastIpAddressTable(AddressFamily.InterNetwork, out var table));
        using (table) return [.. table!.Select(r => r.Address.ToString()).Order()];
    }

    private static IEnumerable<string> OracleAddresses(TestNetns ns) =>
        ns.IpJson("-4", "address", "show").EnumerateArray()
            .SelectMany(l => l.GetProperty("addr_info").EnumerateArray().Select(a => a.GetProperty("local").GetString()!));
}
