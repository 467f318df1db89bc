using System.Diagnostics;
using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using IpHelper.Linux.Notifications;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Reliability.Resources;

/// <summary>
/// Many cycles of the operations that hold kernel resources (netlink sockets, namespace threads and
/// descriptors, notification sockets and threads) leave the process with no more descriptors, threads
/// or managed memory than a small constant over where it started. Runs alone, so other tests' threads
/// and descriptors do not blur the counts.
/// </summary>
[Collection(typeof(NonParallelCollection))]
public sealed class ResourceLeakTests
{
    private const int Cycles = 10_000;
    private const int WarmUp = 50;
    private const int DescriptorSlack = 2;
    private const int ThreadSlack = 2;
    private const long MemorySlack = 1 << 20;

    /// <summary>Registering and cancelling waits up to the notification thread's 100 ms wake-up, so this runs for a time, not a count.</summary>
    private static readonly TimeSpan s_notificationBudget = TimeSpan.FromSeconds(10);

    [RootFact]
    public void SocketOpenLinkDumpClose_TenThousandTimes_LeaksNothing()
    {
        using var ns = new TestNetns();
        ns.AddVeth("rl0", "rl1");
        using var scope = ns.Enter();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics: true);

        void Cycle()
        {
            using var socket = TestBackend.Context.OpenSocket();
            var links = new LinkCounter();
            var error = socket.Dump(request, ref links, TestContext.Current.CancellationToken);
            if (error.Failed || links.Count != 3) Assert.Fail($"dump: {error}, {links.Count} links");
        }

        Measure("socket open / link dump / close", Cycles, Cycle);
    }

    [RootFact]
    public void NamespaceEnterGetIfTable2Exit_TenThousandTimes_LeaksNothing()
    {
        using var ns = new TestNetns();
        ns.AddVeth("rl0", "rl1");

        void Cycle()
        {
            using var scope = NetNamespace.Enter(ns.Name);
            var status = NetIo.GetIfTable2(out var table);
            using (table)
                if (status != NetIoStatus.Success || table!.Count != 3) Assert.Fail($"GetIfTable2: {status}, {table?.Count} rows");
        }

        Measure("NetNamespace.Enter / GetIfTable2 / exit", Cycles, Cycle);
    }

    [RootFact]
    public void NotificationRegisterCancel_ForTenSeconds_LeaksNothing()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var source = new InterfaceChangeSource(TestBackend.Current);

        void Cycle()
        {
            var status = ChangeSubscription<uint, MibIfRow2>.Start(TestBackend.Context, source, AddressFamily.Unspecified, static (_, _) => { }, initialNotification: true, out var subscription);
            if (status != NetIoStatus.Success) Assert.Fail($"register: {status}");
            if (NetIo.CancelMibChangeNotify2(subscription) != NetIoStatus.Success) Assert.Fail("cancel failed");
        }

        // The per-cycle cost decides how many cycles fit in the budget.
        var probe = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) Cycle();
        var perCycle = probe.Elapsed / 20;
        var cycles = (int)Math.Clamp(s_notificationBudget / perCycle, 100, Cycles);
        Report($"notification register / cancel: {perCycle.TotalMilliseconds:0.0} ms per cycle, so {cycles} cycles fit in {s_notificationBudget.TotalSeconds:0} s");
        Measure("notification register / cancel", cycles, Cycle);
    }

    private static void Measure(string what, int cycles, Action cycle)
    {
        for (var i = 0; i < WarmUp; i++) cycle();
        var before = ProcessResources.Measure();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < cycles; i++) cycle();
        stopwatch.Stop();
        var after = ProcessResources.MeasureSettled(before, ThreadSlack);
        ReliabilityCounts.Report(ReliabilityCounts.LeakCycles, cycles, $"{what}: {cycles} cycles in {stopwatch.Elapsed.TotalSeconds:0.0} s ({stopwatch.Elapsed.TotalMicroseconds / cycles:0} us each); before {before}; after {after}");
        Assert.InRange(after.Descriptors, 0, before.Descriptors + DescriptorSlack);
        Assert.InRange(after.Threads, 0, before.Threads + ThreadSlack);
        Assert.InRange(after.ManagedBytes, 0, before.ManagedBytes + MemorySlack);
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }

    private struct LinkCounter : INetlinkReplyHandler
    {
        public int Count;

        public void OnMessage(in NetlinkMessage message)
        {
            if (LinkMessage.TryDecode(message, out _)) Count++;
        }

        public void OnRestart() => Count = 0;
    }
}
