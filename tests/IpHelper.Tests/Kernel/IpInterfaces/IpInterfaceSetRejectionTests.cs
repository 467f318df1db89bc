using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Reliability.Privileges;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// Every status SetIpInterfaceEntry rejects with, each checked to leave the kernel as it was: every
/// IPv4/IPv6 sysctl of every interface, ip -j link, the routes of all tables and the interface-metric file.
/// </summary>
public sealed class IpInterfaceSetRejectionTests
{
    public delegate void RowChange(ref MibIpInterfaceRow row);

    public static TheoryData<NetIoStatus, AddressFamily, RowChange> BadRows => new()
    {
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = !r.ForwardingEnabled; r.SitePrefixLength = 64; } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.DadTransmits = 5; r.SitePrefixLength = 129; } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.NlMtu = 1400; r.RouterDiscoveryBehavior = (NlRouterDiscoveryBehavior)9; } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.LinkLocalAddressBehavior = (NlLinkLocalAddressBehavior)(-5); } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.UseAutomaticMetric = false; r.Metric = uint.MaxValue; } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.BaseReachableTime = 9000; r.NlMtu = 20; } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.BaseReachableTime = 9000; r.NlMtu = 1279; } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.DadTransmits = 3; r.NlMtu = 9000; } },
        { NetIoStatus.InvalidParameter, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.RetransmitTime = uint.MaxValue; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.NlMtu = 1400; r.AdvertisingEnabled = true; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.DadTransmits = 3; r.AdvertiseDefaultRoute = true; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.WeakHostSend = false; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.WeakHostReceive = false; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.UseAutomaticMetric = false; r.Metric = 5; r.UseNeighborUnreachabilityDetection = false; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.DisableDefaultRoutes = true; r.ManagedAddressConfigurationSupported = true; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.DisableDefaultRoutes = true; r.OtherStatefulConfigurationSupported = true; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.PathMtuDiscoveryTimeout = 1000; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.LinkLocalAddressTimeout = 6500; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.NlMtu = 1300; r.SitePrefixLength = 48; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.NlMtu = 1300; r.ZoneIndices[(int)ScopeLevel.ScopeLevelSite] = 1; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDhcp; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDhcp; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.DadTransmits = 3; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalDelayed; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => { r.NlMtu = 1300; r.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalDelayed; } },
        { NetIoStatus.NotSupported, AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => { r.ForwardingEnabled = true; r.DisableDefaultRoutes = true; } },
    };

    [RootTheory]
    [MemberData(nameof(BadRows))]
    public void Set_RejectedRow_ReturnsItsStatus_AndChangesNothing(NetIoStatus status, AddressFamily family, RowChange change)
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        AssertUnchangedBy(ns, () =>
        {
            using var scope = ns.Enter();
            var row = IpInterfaceSetTests.Get(family, "sv0");
            change(ref row);
            Assert.Equal(status, NetIo.SetIpInterfaceEntry(ref row));
            Assert.NotNull(NetIo.LastErrorDetail?.Argument);
        });
    }

    [RootFact]
    public void Set_FamilyNotInetOrInet6_IsInvalidParameter()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        AssertUnchangedBy(ns, () =>
        {
            using var scope = ns.Enter();
            foreach (var family in new[] { AddressFamily.Unspecified, (AddressFamily)10, AddressFamily.Ipx })
            {
                var row = IpInterfaceSetTests.Get(AddressFamily.InterNetwork, "sv0");
                row.ForwardingEnabled = true;
                row.Family = family;
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.SetIpInterfaceEntry(ref row));
                Assert.Equal("Family", NetIo.LastErrorDetail?.Argument);
            }
        });
    }

    [RootFact]
    public void Set_NeitherLuidNorIndex_IsInvalidParameter()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        AssertUnchangedBy(ns, () =>
        {
            using var scope = ns.Enter();
            var row = IpInterfaceSetTests.Get(AddressFamily.InterNetwork, "sv0");
            row.ForwardingEnabled = true;
            row.InterfaceLuid = default;
            row.InterfaceIndex = 0;
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.SetIpInterfaceEntry(ref row));
        });
    }

    [RootFact]
    public void Set_UnknownIndexOrLuid_IsFileNotFound()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        AssertUnchangedBy(ns, () =>
        {
            using var scope = ns.Enter();
            var row = IpInterfaceSetTests.Get(AddressFamily.InterNetwork, "sv0");
            row.ForwardingEnabled = true;
            row.InterfaceLuid = default;
            row.InterfaceIndex = 0xDEADBEEF;
            Assert.Equal(NetIoStatus.FileNotFound, NetIo.SetIpInterfaceEntry(ref row));
            row.InterfaceLuid = new NetLuid(0xCCCCCCCCCCCCCCCC);
            row.InterfaceIndex = NetIo.if_nametoindex("sv0");
            Assert.Equal(NetIoStatus.FileNotFound, NetIo.SetIpInterfaceEntry(ref row));
        });
    }

    [RootFact]
    public void Set_InterfaceWithoutTheFamily_IsNotFound()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        ns.SetSysctl("net.ipv6.conf.sv0.disable_ipv6", "1");
        AssertUnchangedBy(ns, () =>
        {
            using var scope = ns.Enter();
            var row = IpInterfaceSetTests.Get(AddressFamily.InterNetwork, "sv0");
            row.Family = AddressFamily.InterNetworkV6;
            row.ForwardingEnabled = true;
            Assert.Equal(NetIoStatus.NotFound, NetIo.SetIpInterfaceEntry(ref row));
        });
    }

    /// <summary>
    /// A kernel refusal after an earlier write: the IPv4 forwarding sysctl is written, then the vxlan
    /// refuses an MTU its lower device cannot carry (its IFLA_MAX_MTU does not say so); the forwarding
    /// write is undone.
    /// </summary>
    [RootFact]
    public void Set_KernelRefusesALaterWrite_EarlierWritesAreUndone()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        ns.SkipUnlessLinkKind("vxlan");
        ns.AddVxlan("vxl0", 42, parent: "sv0");
        AssertUnchangedBy(ns, () =>
        {
            using var scope = ns.Enter();
            var row = IpInterfaceSetTests.Get(AddressFamily.InterNetwork, "vxl0");
            row.ForwardingEnabled = true;
            row.NlMtu = 1500;
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.SetIpInterfaceEntry(ref row));
            Assert.Equal(Linux.Errno.EINVAL, NetIo.LastErrorDetail?.Errno);
        });
    }

    /// <summary>
    /// Not privileged: the CLI runs inside the namespace as user nobody (the shared privilege harness),
    /// so the library's own process lacks the rights; the set fails with AccessDenied and nothing changes.
    /// </summary>
    [RootFact]
    public void Set_Unprivileged_IsAccessDenied()
    {
        using var ns = IpInterfaceSetTests.NewNamespace();
        foreach (var args in new[] { ["--family", "ipv4", "--forwarding-enabled", "true"], new[] { "--family", "ipv6", "--metric", "5" } })
            UnprivilegedCli.AssertWriteDenied(ns, ["ipinterface", "set", "sv0", .. args],
                () => string.Join('\n', SysctlSnapshot.Read(ns).Values.Select(v => $"{v.Key}={v.Value}")) + KernelState(ns));
    }

    /// <summary>Runs <paramref name="rejected"/> and fails if any sysctl, link, route or the interface-metric file differs afterwards.</summary>
    internal static void AssertUnchangedBy(TestNetns ns, Action rejected)
    {
        var sysctls = SysctlSnapshot.Read(ns);
        var state = KernelState(ns);
        rejected();
        Assert.Empty(sysctls.Differences(SysctlSnapshot.Read(ns)));
        Assert.Equal(state, KernelState(ns));
    }

    /// <summary>
    /// Links (the settings a Set can change; not the operational state, which settles on its own after
    /// a link comes up), the routes of all tables but those the kernel makes for addresses finishing
    /// DAD meanwhile (proto kernel, which the library never changes), and the interface-metric file.
    /// </summary>
    internal static string KernelState(TestNetns ns)
    {
        var metrics = ns.MetricStoreFile;
        var links = ns.IpJson("-d", "link", "show").EnumerateArray().Select(l => string.Join(' ',
            l.GetProperty("ifname").GetString(), l.GetProperty("mtu").GetUInt32(), string.Join(',', l.GetProperty("flags").EnumerateArray()),
            l.TryGetProperty("inet6_addr_gen_mode", out var mode) ? mode.GetString() : "", l.GetProperty("gso_max_size").GetUInt32()));
        var routes = new[] { "-4", "-6" }.SelectMany(f => ns.IpJson(f, "route", "show", "table", "all").EnumerateArray())
            .Where(r => !r.TryGetProperty("protocol", out var p) || p.GetString() != "kernel")
            .Select(r => r.GetRawText());
        return string.Join('\n', [.. links, .. routes, File.Exists(metrics) ? File.ReadAllText(metrics) : ""]);
    }
}
