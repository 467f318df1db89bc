using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// SetIpInterfaceEntry on each writable field: the row read with GetIpInterfaceEntry, one field
/// changed, written back; the kernel is then read with sysctl and ip -j (never with the library) and
/// must differ in exactly the settings the field maps to.
/// </summary>
public sealed class IpInterfaceSetTests
{
    private const string If = "sv0";

    public delegate void RowChange(ref MibIpInterfaceRow row);

    public static TheoryData<string, AddressFamily, RowChange, string[]> Fields => new()
    {
        { "IPv4 forwarding on", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.ForwardingEnabled = true,
            ["net.ipv4.conf.sv0.forwarding=1"] },
        { "IPv4 ARP base reachable time", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.BaseReachableTime = 21000,
            ["net.ipv4.neigh.sv0.base_reachable_time_ms=21000", "net.ipv4.neigh.sv0.base_reachable_time*"] },
        { "IPv4 ARP retransmit time", AddressFamily.InterNetwork, (ref MibIpInterfaceRow r) => r.RetransmitTime = 3000,
            ["net.ipv4.neigh.sv0.retrans_time_ms=3000", "net.ipv4.neigh.sv0.retrans_time*"] },
        { "IPv6 forwarding on", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.ForwardingEnabled = true,
            ["net.ipv6.conf.sv0.forwarding=1", "net.ipv6.conf.sv0.force_forwarding=1", "net.ipv6.conf.sv0.accept_ra=2"] },
        { "IPv6 router discovery off", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDisabled,
            ["net.ipv6.conf.sv0.accept_ra=0"] },
        { "IPv6 DAD probes", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.DadTransmits = 4,
            ["net.ipv6.conf.sv0.dad_transmits=4"] },
        { "IPv6 no DAD", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.DadTransmits = 0,
            ["net.ipv6.conf.sv0.dad_transmits=0"] },
        { "IPv6 default routes ignored", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.DisableDefaultRoutes = true,
            ["net.ipv6.conf.sv0.accept_ra_defrtr=0"] },
        { "IPv6 no link-local address", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalAlwaysOff,
            ["net.ipv6.conf.sv0.addr_gen_mode=1"] },
        { "IPv6 MTU", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.NlMtu = 1400,
            ["net.ipv6.conf.sv0.mtu=1400"] },
        { "IPv6 ND base reachable time", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.BaseReachableTime = 45000,
            ["net.ipv6.neigh.sv0.base_reachable_time_ms=45000", "net.ipv6.neigh.sv0.base_reachable_time*"] },
        { "IPv6 ND retransmit time", AddressFamily.InterNetworkV6, (ref MibIpInterfaceRow r) => r.RetransmitTime = 1500,
            ["net.ipv6.neigh.sv0.retrans_time_ms=1500", "net.ipv6.neigh.sv0.retrans_time*"] },
    };

    [RootTheory]
    [MemberData(nameof(Fields))]
    public void Set_OneField_ChangesExactlyItsSysctls(string what, AddressFamily family, RowChange change, string[] expected)
    {
        using var ns = NewNamespace();
        var before = SysctlSnapshot.Read(ns);
        using (ns.Enter())
        {
            var row = Get(family, If);
            change(ref row);
            Assert.True(NetIo.SetIpInterfaceEntry(ref row) == NetIoStatus.Success, $"{what}: {NetIo.LastErrorDetail}");
        }
        var after = SysctlSnapshot.Read(ns);

        var written = expected.Where(e => e.Contains('=') && before.Has(e.Split('=')[0]))
            .Select(e => $"{e.Split('=')[0]}: {before[e.Split('=')[0]]} -> {e.Split('=')[1]}");
        var views = expected.Where(e => e.EndsWith('*')).Select(e => e.TrimEnd('*') + ":").ToArray();
        Assert.Equal(written.Order(), before.Differences(after).Where(d => !views.Any(v => d.StartsWith(v, StringComparison.Ordinal))).Order());
    }

    [RootFact]
    public void Set_Ipv4NlMtu_SetsTheDeviceMtu()
    {
        using var ns = NewNamespace();
        using (ns.Enter())
        {
            var row = Get(AddressFamily.InterNetwork, If);
            row.NlMtu = 1450;
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
        }
        Assert.Equal(1450u, ns.IpJson("link", "show", If)[0].GetProperty("mtu").GetUInt32());
    }

    [RootFact]
    public void Set_ArpAndNdTimes_AreWhatIpNtableShows()
    {
        using var ns = NewNamespace();
        using (ns.Enter())
        {
            foreach (var (family, time) in new[] { (AddressFamily.InterNetwork, 17000u), (AddressFamily.InterNetworkV6, 19000u) })
            {
                var row = Get(family, If);
                row.BaseReachableTime = time;
                row.RetransmitTime = time / 10;
                Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
            }
        }
        var ntable = ns.IpJson("ntable", "show", "dev", If).EnumerateArray().ToDictionary(e => e.GetProperty("family").GetString()!);
        Assert.Equal(17000u, ntable["inet"].GetProperty("base_reachable").GetUInt32());
        Assert.Equal(1700u, ntable["inet"].GetProperty("retrans").GetUInt32());
        Assert.Equal(19000u, ntable["inet6"].GetProperty("base_reachable").GetUInt32());
        Assert.Equal(1900u, ntable["inet6"].GetProperty("retrans").GetUInt32());
    }

    [RootFact]
    public void Set_ForwardingOnAndOff_IsWhatIpNetconfShows()
    {
        using var ns = NewNamespace();
        foreach (var on in new[] { true, false })
        {
            using (ns.Enter())
            {
                foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
                {
                    var row = Get(family, If);
                    row.ForwardingEnabled = on;
                    Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
                }
            }
            Assert.All(ns.IpJson("netconf", "show", "dev", If).EnumerateArray(), e => Assert.Equal(on, e.GetProperty("forwarding").GetBoolean()));
        }
    }

    [RootFact]
    public void Set_LinkLocalBackOn_RestoresTheDefaultMode()
    {
        using var ns = NewNamespace();
        using (ns.Enter())
        {
            var row = Get(AddressFamily.InterNetworkV6, If);
            row.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalAlwaysOff;
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
            Assert.Equal("none", ns.IpJson("-d", "link", "show", If)[0].GetProperty("inet6_addr_gen_mode").GetString());
            row.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalAlwaysOn;
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
        }
        Assert.Equal(ns.Sysctl("net.ipv6.conf.default.addr_gen_mode"), ns.Sysctl($"net.ipv6.conf.{If}.addr_gen_mode"));
    }

    [RootFact]
    public void Set_DadTransmits_WithDadSwitchedOff_SwitchesItOn()
    {
        using var ns = NewNamespace();
        ns.SetSysctl($"net.ipv6.conf.{If}.accept_dad", "0");
        using (ns.Enter())
        {
            var row = Get(AddressFamily.InterNetworkV6, If);
            Assert.Equal(0u, row.DadTransmits);
            row.DadTransmits = 2;
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
        }
        Assert.Equal("1", ns.Sysctl($"net.ipv6.conf.{If}.accept_dad"));
        Assert.Equal("2", ns.Sysctl($"net.ipv6.conf.{If}.dad_transmits"));
    }

    [RootFact]
    public void Set_ForwardingOnWhileRouterDiscoveryStays_KeepsAcceptingAdvertisements()
    {
        using var ns = NewNamespace();
        using (ns.Enter())
        {
            var row = Get(AddressFamily.InterNetworkV6, If);
            Assert.Equal(NlRouterDiscoveryBehavior.RouterDiscoveryEnabled, row.RouterDiscoveryBehavior);
            row.ForwardingEnabled = true;
            row.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryUnchanged;
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
        }
        Assert.Equal("2", ns.Sysctl($"net.ipv6.conf.{If}.accept_ra"));
    }

    [RootFact]
    public void Set_TheRowAsRead_ChangesNothing()
    {
        using var ns = NewNamespace();
        var before = SysctlSnapshot.Read(ns);
        var link = ns.IpJson("-d", "link", "show", If).GetRawText();
        using (ns.Enter())
        {
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var row = Get(family, If);
                Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
            }
        }
        Assert.Empty(before.Differences(SysctlSnapshot.Read(ns)));
        Assert.Equal(link, ns.IpJson("-d", "link", "show", If).GetRawText());
    }

    [RootFact]
    public void Set_TheRowAsRead_WithForwardingFromForceForwardingOnly_ChangesNothing()
    {
        using var ns = NewNamespace();
        if (ns.Exec("sh", "-c", $"test -e /proc/sys/net/ipv6/conf/{If}/force_forwarding && echo yes || true").Trim() != "yes")
            Assert.Skip("the kernel has no force_forwarding (before 6.17)");
        ns.SetSysctl($"net.ipv6.conf.{If}.force_forwarding", "1");
        var before = SysctlSnapshot.Read(ns);
        using (ns.Enter())
        {
            var row = Get(AddressFamily.InterNetworkV6, If);
            Assert.True(row.ForwardingEnabled);
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
        }
        Assert.Empty(before.Differences(SysctlSnapshot.Read(ns)));
    }

    [RootFact]
    public void Set_ZeroTimesMtuAndUnchangedEnums_LeaveThoseSettings()
    {
        using var ns = NewNamespace();
        var before = SysctlSnapshot.Read(ns);
        using (ns.Enter())
        {
            var row = Get(AddressFamily.InterNetworkV6, If);
            row.NlMtu = 0;
            row.BaseReachableTime = 0;
            row.RetransmitTime = 0;
            row.PathMtuDiscoveryTimeout = 0;
            row.ZoneIndices = default;
            row.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryUnchanged;
            row.LinkLocalAddressBehavior = NlLinkLocalAddressBehavior.LinkLocalUnchanged;
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
        }
        Assert.Empty(before.Differences(SysctlSnapshot.Read(ns)));
    }

    [RootFact]
    public void Set_ByIndex_FillsInTheLuid_AndIgnoresTheReadOnlyMembers()
    {
        using var ns = NewNamespace();
        var before = SysctlSnapshot.Read(ns);
        using (ns.Enter())
        {
            var row = Get(AddressFamily.InterNetworkV6, If);
            var expectedLuid = row.InterfaceLuid;
            row.InterfaceLuid = default;
            row.MaxReassemblySize = 1;
            row.MinRouterAdvertisementInterval = 200;
            row.MaxRouterAdvertisementInterval = 600;
            row.Connected = !row.Connected;
            row.SupportsWakeUpPatterns = true;
            row.SupportsNeighborDiscovery = !row.SupportsNeighborDiscovery;
            row.SupportsRouterDiscovery = !row.SupportsRouterDiscovery;
            row.ReachableTime = 1;
            row.TransmitOffload = NlInterfaceOffloadRod.FastPathCompatible;
            row.ReceiveOffload = NlInterfaceOffloadRod.NlChecksumSupported;
            row.InterfaceIdentifier = 42;

            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
            Assert.Equal(expectedLuid, row.InterfaceLuid);
        }
        Assert.Empty(before.Differences(SysctlSnapshot.Read(ns)));
    }

    /// <summary>A namespace with a veth pair sv0/sv1, both up, and a route of each family through sv0 (whose priority a metric change would move).</summary>
    internal static TestNetns NewNamespace()
    {
        var ns = new TestNetns();
        ns.AddVeth(If, "sv1");
        ns.Ip("route", "add", "203.0.113.0/24", "dev", If, "metric", "10");
        ns.Ip("-6", "route", "add", "2001:db8:9::/64", "dev", If, "metric", "10");
        return ns;
    }

    internal static MibIpInterfaceRow Get(AddressFamily family, string name)
    {
        NetIo.InitializeIpInterfaceEntry(out var row);
        row.Family = family;
        row.InterfaceIndex = NetIo.if_nametoindex(name);
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref row));
        return row;
    }
}
