using System.Net.Sockets;
using System.Text;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Notifications.Mirror;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>
/// A WatchRouteChanges consumer that stops reading for 10 s while 100,000 route changes happen: the
/// stream does not buffer them (it holds at most 4,096), the kernel drops what its queue cannot hold,
/// and the consumer gets a resync marker followed by the differences, ending with exactly the table.
/// Peak managed memory stays within the stated bound. Alone in its collection: it measures the
/// process's memory.
/// </summary>
[Collection(typeof(NonParallelCollection))]
public sealed class StalledConsumerTests
{
    private const int Added = 70_000, Deleted = 30_000;
    private static readonly TimeSpan s_stall = TimeSpan.FromSeconds(10);

    [RootFact]
    public async Task ConsumerStalled10s_During100000Changes_GetsResyncAndEndsWithTheTable_InBoundedMemory()
    {
        using var ns = new TestNetns();
        ns.AddVeth("sc0", "sc1");
        using var scope = ns.Enter();
        var batchFile = Path.GetTempFileName();
        try
        {
            var batch = new StringBuilder();
            for (var i = 0; i < Added; i++) batch.Append($"route add 2001:db8:1{i >> 16:x}:{i & 0xffff:x}::/64 dev sc0\n");
            for (var i = 0; i < Deleted; i++) batch.Append($"route del 2001:db8:1{i * 2 >> 16:x}:{i * 2 & 0xffff:x}::/64 dev sc0\n");
            await File.WriteAllTextAsync(batchFile, batch.ToString());
            await Run(ns, batchFile);
        }
        finally
        {
            File.Delete(batchFile);
        }
    }

    private static async Task Run(TestNetns ns, string batchFile)
    {
        var mirror = new Mirror<(uint, IpAddressPrefix, SockAddrInet), MibIpForwardRow2>("Route", Tables.RouteKey);
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var received = 0L;
        var consumer = Task.Run(async () =>
        {
            var stalled = false;
            await foreach (var change in NetIo.WatchRouteChanges(AddressFamily.InterNetworkV6, stop.Token))
            {
                if (change.NotificationType == MibNotificationType.MibInitialNotification)
                {
                    mirror.Load(V6(Tables.Routes()).Values);
                    started.SetResult();
                    continue;
                }
                if (!stalled)
                {
                    stalled = true;
                    await Task.Delay(s_stall);
                }
                Interlocked.Increment(ref received);
                mirror.Apply(change.Row, change.NotificationType, change.IsResync);
            }
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // At least: link-local routes may still come as duplicate address detection ends.
        var expectedCount = mirror.Count + Added - Deleted;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        long growth;
        using (var sampler = new Timer(_ => InterlockedMax(ref peak, GC.GetTotalMemory(forceFullCollection: true)), null, 0, 250))
        {
            Command.Run("ip", "-n", ns.Name, "-batch", batchFile);
            var deadline = DateTime.UtcNow + s_stall + TimeSpan.FromSeconds(60);
            while (mirror.Count < expectedCount && DateTime.UtcNow < deadline) await Task.Delay(200);
            growth = Interlocked.Read(ref peak) - baseline;
        }
        List<string> differences;
        var settle = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((differences = mirror.Differences(V6(Tables.Routes()), Tables.SameRoute)).Count > 0 && DateTime.UtcNow < settle) await Task.Delay(200);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer);
        // Per row of the table: the registration's view (up to 312 bytes with the dictionary's spare room),
        // the table re-read by the resync with its grouping (up to 416), the consumer's own mirror (up to
        // 360); then the stream's 4,096 buffered changes and slack for the runtime.
        var bound = (long)expectedCount * 1100 + 4096 * 128 + (16 << 20);

        Assert.Empty(differences);
        Assert.Empty(mirror.Violations());
        Assert.True(mirror.Resyncs > 0, "the stalled consumer never got a resync: the stream buffered everything");
        Assert.True(Interlocked.Read(ref received) < Added + Deleted, $"the consumer was handed {received} changes: the stream buffered them all");
        Assert.True(growth <= bound, $"peak managed memory grew by {growth >> 20} MiB, above the bound of {bound >> 20} MiB");
        TestContext.Current.SendDiagnosticMessage(
            $"stalled consumer: {Added + Deleted} changes, {received} items received after the stall ({mirror.Resyncs} resyncs), peak managed growth {growth / 1048576.0:0.0} MiB (bound {bound >> 20} MiB)");
    }

    private static Dictionary<(uint, IpAddressPrefix, SockAddrInet), MibIpForwardRow2> V6(Dictionary<(uint, IpAddressPrefix, SockAddrInet), MibIpForwardRow2> routes) =>
        routes.Where(r => r.Key.Item2.Prefix.Family == AddressFamily.InterNetworkV6).ToDictionary();

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen) seen = now;
    }
}
