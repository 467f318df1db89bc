using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications.Mirror;

/// <summary>
/// The mirror rule of DESIGN.md section 3, model-based: random `ip` operations (<see cref="MirrorWorkload"/>)
/// in batches of <see cref="BatchSize"/>; after each batch, once the notifications stop, a subscriber
/// that read each table once and applied every NotifyRouteChange2, NotifyUnicastIpAddressChange and
/// NotifyIpInterfaceChange callback holds exactly what fresh GetIpForwardTable2,
/// GetUnicastIpAddressTable and GetIpInterfaceTable return, and no notification ever contradicted
/// it. 10,000 operations by default; IPHELPER_MIRROR_OPERATIONS sets another count (the long run of
/// docs/reliability.md), IPHELPER_MIRROR_SEED replays a seed.
/// </summary>
public sealed class MirrorTests
{
    internal const int BatchSize = 25;
    internal static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    internal static int Operations(int standard) =>
        Environment.GetEnvironmentVariable("IPHELPER_MIRROR_OPERATIONS") is { Length: > 0 } count
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : standard;

    internal static int Seed() =>
        Environment.GetEnvironmentVariable("IPHELPER_MIRROR_SEED") is { Length: > 0 } seed
            ? int.Parse(seed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();

    [RootFact]
    public void RandomIpOperations_InitialTablesPlusNotifications_EqualFreshTables_AtEveryQuietPoint()
    {
        var operations = Operations(10_000);
        var seed = Seed();
        using var ns = new TestNetns();
        var workload = new MirrorWorkload(ns, seed);
        workload.Build();
        using var scope = ns.Enter();
        var routes = new Mirror<(uint, IpAddressPrefix, SockAddrInet), MibIpForwardRow2>("Route", Tables.RouteKey);
        var addresses = new Mirror<(uint, SockAddrInet), MibUnicastIpAddressRow>("UnicastAddress", Tables.AddressKey);
        var ipInterfaces = new Mirror<(AddressFamily, uint), MibIpInterfaceRow>("IpInterface", Tables.IpInterfaceKey);
        Assert.Equal(NetIoStatus.Success, NetIo.NotifyRouteChange2(AddressFamily.Unspecified, (_, row, type) => routes.Apply(row, type), null, false, out var routeHandle));
        using var routeRegistration = routeHandle;
        Assert.Equal(NetIoStatus.Success, NetIo.NotifyUnicastIpAddressChange(AddressFamily.Unspecified, (_, row, type) => addresses.Apply(row, type), null, false, out var addressHandle));
        using var addressRegistration = addressHandle;
        Assert.Equal(NetIoStatus.Success, NetIo.NotifyIpInterfaceChange(AddressFamily.Unspecified, (_, row, type) => ipInterfaces.Apply(row, type), null, false, out var ipInterfaceHandle));
        using var ipInterfaceRegistration = ipInterfaceHandle;
        routes.Load(Tables.Routes().Values);
        addresses.Load(Tables.Addresses().Values);
        ipInterfaces.Load(Tables.IpInterfaces().Values);

        var clock = Stopwatch.StartNew();
        var quietPoints = 0;
        var settling = TimeSpan.Zero;
        while (workload.Operations < operations)
        {
            var batch = workload.Step((int)Math.Min(BatchSize, operations - workload.Operations));
            var waited = Stopwatch.StartNew();
            var differences = WaitForMirror(routes, addresses, ipInterfaces);
            settling += waited.Elapsed;
            quietPoints++;
            var violations = routes.Violations().Concat(addresses.Violations()).Concat(ipInterfaces.Violations()).ToList();
            Assert.True(differences.Count == 0 && violations.Count == 0,
                $"seed {seed}, after {workload.Operations} operations, the last batch:\n{batch}\n"
                + string.Join('\n', differences.Concat(violations).Take(30)));
        }
        TestContext.Current.SendDiagnosticMessage(
            $"mirror: seed {seed}, {workload.Operations} operations ({workload.Refused} refused by the kernel), {quietPoints} quiet points, "
            + $"{routes.Events + addresses.Events + ipInterfaces.Events} notifications, 0 differences, {clock.Elapsed.TotalSeconds:0.0} s "
            + $"({settling.TotalSeconds:0.0} s waiting for quiet points)");
    }

    /// <summary>Compares until the mirrors equal the fresh tables, or <see cref="Settle"/> passed; returns the last differences.</summary>
    internal static List<string> WaitForMirror(Mirror<(uint, IpAddressPrefix, SockAddrInet), MibIpForwardRow2> routes,
        Mirror<(uint, SockAddrInet), MibUnicastIpAddressRow> addresses, Mirror<(AddressFamily, uint), MibIpInterfaceRow> ipInterfaces)
    {
        var deadline = DateTime.UtcNow + Settle;
        while (true)
        {
            Thread.Sleep(10);
            var late = DateTime.UtcNow > deadline;
            var differences = routes.Differences(Tables.Routes(), Tables.SameRoute, late)
                .Concat(addresses.Differences(Tables.Addresses(), Tables.SameAddress, late))
                .Concat(ipInterfaces.Differences(Tables.IpInterfaces(), Tables.SameIpInterface, late))
                .ToList();
            if (differences.Count == 0 || late) return differences;
        }
    }
}
