using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Linux.Namespaces;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Routes;
using Xunit;

namespace IpHelper.Tests.Kernel.Namespaces;

/// <summary>
/// What a namespace costs, named after the failures of the ambient-scope design: scoped calls opened a
/// socket through a thread hop each, every subscription had a thread and a 32 MiB receive buffer, every
/// namespace a thread, and interface facts were kept twice. Checked by counting (hops, descriptors,
/// threads, buffer sizes, object identity), never by timing.
/// </summary>
[Collection(typeof(NonParallelCollection))]
public sealed class NamespaceCostTests(ITestOutputHelper output)
{
    /// <summary>Slow inside a scope: after the first calls, the hot calls hop to no thread and open no socket.</summary>
    [RootFact]
    public void SlowInsideAScope_HotCallsAfterTheFirst_HopToNoThreadAndOpenNoDescriptor()
    {
        using var ns = new TestNetns();
        ns.AddVeth("v0", "v1");
        ns.Up("v0");
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.254");
        var index = RouteOracle.Index(ns, "v0");
        SockAddrInet.TryParse("198.51.100.7", out var destination);
        SockAddrInet.TryParse("192.0.2.1", out var local);
        using var scope = ns.Enter();
        void Calls()
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _));
            var ifRow = new MibIfRow2 { InterfaceIndex = index };
            Assert.Equal(NetIoStatus.Success, NetIo.GetIfEntry2(ref ifRow));
            var address = new MibUnicastIpAddressRow { Address = local, InterfaceIndex = index };
            Assert.Equal(NetIoStatus.Success, NetIo.GetUnicastIpAddressEntry(ref address));
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpForwardTable2(AddressFamily.InterNetwork, out var table));
            table!.Dispose();
        }

        Calls();
        var hops = NamespaceWorker.Hops;
        var descriptors = Directory.GetFileSystemEntries("/proc/self/fd").Length;
        for (var i = 0; i < 200; i++) Calls();

        Assert.Equal(hops, NamespaceWorker.Hops);
        // Never more (the setup's `ip` processes may still be giving theirs back: fewer is fine).
        Assert.InRange(Directory.GetFileSystemEntries("/proc/self/fd").Length, 0, descriptors);
    }

    /// <summary>
    /// Subscriptions cost a thread and 32 MiB each: 20 namespaces with 5 registrations each add at most
    /// 3 IpHelper threads in all (the pump and the two namespace workers, whatever the count), at most 3
    /// descriptors per namespace, and each namespace shares one notification socket of 512 KiB.
    /// </summary>
    [RootFact]
    public void SubscriptionsCostAThreadAnd32MiBEach_HundredRegistrationsInTwentyNamespaces_ShareOneBoundedSocketPerNamespace()
    {
        const int Namespaces = 20, PerNamespace = 5;
        var namespaces = new List<TestNetns>();
        var handles = new List<NotificationHandle>();
        try
        {
            for (var i = 0; i < Namespaces; i++) namespaces.Add(new TestNetns());
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = Reliability.Resources.ProcessResources.Measure();
            var threadsBefore = LibraryThreads();
            var contexts = new List<NamespaceContext>();
            foreach (var ns in namespaces)
            {
                using (ns.Enter())
                {
                    for (var k = 0; k < PerNamespace; k++)
                    {
                        Assert.Equal(NetIoStatus.Success, k % 2 == 0
                            ? NetIo.NotifyRouteChange2(AddressFamily.Unspecified, (_, _, _) => { }, null, false, out var handle)
                            : NetIo.NotifyUnicastIpAddressChange(AddressFamily.Unspecified, (_, _, _) => { }, null, false, out handle));
                        handles.Add(handle!);
                    }
                    contexts.Add(TestBackend.Context);
                }
            }
            var after = Reliability.Resources.ProcessResources.Measure();
            output.WriteLine($"before {before} ({threadsBefore} IpHelper threads); after {after} ({LibraryThreads()} IpHelper threads)");

            Assert.InRange(LibraryThreads(), 0, Math.Max(threadsBefore, 3));
            // Plus a few the process opens once (the pump's eventfd, the metric stores' inotify instance).
            Assert.InRange(after.Descriptors - before.Descriptors, int.MinValue, 3 * Namespaces + 4);
            foreach (var context in contexts)
            {
                var socket = context.Events.Socket;
                Assert.NotNull(socket);
                var length = sizeof(int);
                Assert.Equal(0, Interop.getsockopt(socket.Handle, Interop.SOL_SOCKET, Interop.SO_RCVBUF, out int bytes, ref length));
                // The kernel doubles SO_RCVBUF for its bookkeeping: 512 KiB asked, 1 MiB reported.
                Assert.Equal(2 * IpHelper.Linux.Notifications.NamespaceEvents.ReceiveBufferBytes, bytes);
            }
        }
        finally
        {
            foreach (var handle in handles) NetIo.CancelMibChangeNotify2(handle);
            foreach (var ns in namespaces) ns.Dispose();
        }
    }

    /// <summary>
    /// Two of everything: one map of interface facts per namespace. GetBestRoute2 and the address
    /// table read the same kept directory, and an interface replaced under the same index is seen by
    /// both at once (one invalidation scheme).
    /// </summary>
    [RootFact]
    public void TwoOfEverything_InterfaceReplacedUnderTheSameIndex_BestRouteAndAddressesShareOneMapAndBothSeeIt()
    {
        using var ns = new TestNetns();
        ns.AddVeth("c0", "c1");
        ns.Up("c0");
        ns.AddAddress("c0", "192.0.2.1/24");
        var index = RouteOracle.Index(ns, "c0");
        SockAddrInet.TryParse("192.0.2.9", out var neighbour);
        using var scope = ns.Enter();
        SettleLinks();

        Assert.Equal(NetIoStatus.Success, NetIo.GetUnicastIpAddressTable(AddressFamily.InterNetwork, out var first));
        first!.Dispose();
        var kept = TestBackend.Context.Links.Current();
        Assert.Equal(NetIoStatus.Success, NetIo.GetBestRoute2(null, 0, null, neighbour, 0, out var before, out _));
        Assert.Same(kept, TestBackend.Context.Links.Current());
        Assert.True(kept.IsComplete);

        ns.Ip("link", "del", "c0");
        ns.Ip("link", "add", "c0", "index", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "type", "bridge");
        ns.Up("c0");
        ns.AddAddress("c0", "192.0.2.1/24");

        Assert.Equal(NetIoStatus.Success, NetIo.GetBestRoute2(null, 0, null, neighbour, 0, out var after, out _));
        Assert.Equal(NetIoStatus.Success, NetIo.GetUnicastIpAddressTable(AddressFamily.InterNetwork, out var second));
        using (second)
        {
            var address = second!.Single(r => r.InterfaceIndex == index);
            Assert.Equal((ushort)IfType.Bridge, address.InterfaceLuid.IfType);
        }
        Assert.Equal((ushort)IfType.EthernetCsmacd, before.InterfaceLuid.IfType);
        Assert.Equal((ushort)IfType.Bridge, after.InterfaceLuid.IfType);
        Assert.NotSame(kept, TestBackend.Context.Links.Current());
    }

    /// <summary>
    /// A context holds no thread: its work runs on the process's two workers, which leave a namespace
    /// when its context closes, so a released namespace is not kept alive by them.
    /// </summary>
    [RootFact]
    public void ContextHoldsNoThread_WorkersServeEveryNamespaceAndLeaveOnRelease()
    {
        var namespaces = Enumerable.Range(0, 6).Select(_ => new TestNetns()).ToList();
        try
        {
            foreach (var ns in namespaces)
            {
                using (ns.Enter())
                {
                    Assert.Equal(ns.Inode, TestBackend.Context.Run(() => TestNetns.LinkInode("/proc/thread-self/ns/net")));
                }
            }

            var workers = WorkerThreads();
            Assert.InRange(workers.Count, 1, 2);
            var deadline = Environment.TickCount64 + 5000;
            while (Environment.TickCount64 < deadline && workers.Any(t => TaskInode(t) != TestNetns.HostInode)) Thread.Sleep(20);
            Assert.All(workers, t => Assert.Equal(TestNetns.HostInode, TaskInode(t)));
        }
        finally
        {
            foreach (var ns in namespaces) ns.Dispose();
        }
    }

    private static List<string> WorkerThreads() =>
        [.. Directory.EnumerateDirectories("/proc/self/task").Where(task => Comm(task).StartsWith("IpHelper netns", StringComparison.Ordinal))];

    private static ulong TaskInode(string task) => TestNetns.LinkInode(Path.Combine(task, "ns", "net"));

    private static string Comm(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm"));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Waits (up to 5 s) until no link change has come for 300 ms: the kernel reports carrier changes late (linkwatch).</summary>
    private static void SettleLinks()
    {
        var links = TestBackend.Context.Links;
        var deadline = Environment.TickCount64 + 5000;
        var generation = links.Generation();
        while (Environment.TickCount64 < deadline)
        {
            Thread.Sleep(300);
            var next = links.Generation();
            if (next == generation) return;
            generation = next;
        }
    }

    /// <summary>Threads named by IpHelper: the notification pump and the namespace workers (not the test process's main thread, "IpHelper.Tests").</summary>
    private static int LibraryThreads() =>
        Directory.EnumerateDirectories("/proc/self/task").Count(task => Comm(task).StartsWith("IpHelper notifi", StringComparison.Ordinal)
            || Comm(task).StartsWith("IpHelper netns", StringComparison.Ordinal));
}
