using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>CancelMibChangeNotify2 while another thread keeps changing routes: no callback ever runs after Cancel returns.</summary>
public sealed class CancelUnderChurnTests
{
    [RootFact]
    public void Cancel_DuringRouteChurn_NoCallbackAfterItReturns()
    {
        using var ns = new TestNetns();
        ns.AddVeth("cc0", "cc1");
        using var scope = ns.Enter();
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(() =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                var prefix = $"2001:db8:c{i % 64:x}::/48";
                ns.Batch($"route add {prefix} dev cc0\nroute del {prefix} dev cc0\n");
                i++;
            }
        });
        var late = 0;
        var delivered = 0;
        for (var cycle = 0; cycle < 50; cycle++)
        {
            var cancelled = 0;
            Assert.Equal(NetIoStatus.Success, NetIo.NotifyRouteChange2(AddressFamily.InterNetworkV6, (_, _, _) =>
            {
                Interlocked.Increment(ref delivered);
                if (Volatile.Read(ref cancelled) != 0) Interlocked.Increment(ref late);
                Thread.SpinWait(2000);
            }, null, false, out var handle));
            Thread.Sleep(20);
            Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
            Volatile.Write(ref cancelled, 1);
        }
        Thread.Sleep(300);
        stop.Cancel();
        churn.Wait();
        TestContext.Current.SendDiagnosticMessage($"50 register/cancel cycles under churn: {delivered} callbacks, {late} after Cancel returned");
        Assert.True(delivered > 0, "the churn produced no notification at all");
        Assert.Equal(0, late);
    }
}
