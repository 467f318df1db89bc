using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// What the kernel of a namespace says about its IP interfaces, read with the tools the library does
/// not use: <c>ip -j -d link</c>, <c>ip -j netconf</c>, <c>ip -j ntable</c>, <c>ip -j token</c>,
/// <c>ip -j -6 addr</c>, the sysctl files and a Python ethtool script. <see cref="AssertRow"/>
/// checks every field of a MIB_IPINTERFACE_ROW against it, as docs/mapping.md describes the field.
/// </summary>
public sealed class IpInterfaceOracle
{
    private IpInterfaceOracle(TestNetns ns)
    {
        Links = ns.IpJson("-d", "link", "show").EnumerateArray().ToDictionary(l => l.GetProperty("ifname").GetString()!);
        Netconf = ns.IpJson("netconf").EnumerateArray()
            .ToDictionary(e => (e.GetProperty("family").GetString()!, e.GetProperty("interface").GetString()!));
        Ntable = ns.IpJson("ntable", "show").EnumerateArray().Where(e => e.TryGetProperty("dev", out _))
            .ToDictionary(e => (e.GetProperty("family").GetString()!, e.GetProperty("dev").GetString()!));
        Tokens = ns.IpJson("token", "list").EnumerateArray()
            .ToDictionary(e => e.GetProperty("ifname").GetString()!, e => IPAddress.Parse(e.GetProperty("token").GetString()!));
        LinkLocal = ns.IpJson("-6", "addr", "show").EnumerateArray().ToDictionary(
            l => l.GetProperty("ifname").GetString()!,
            l => l.GetProperty("addr_info").EnumerateArray().Select(a => IPAddress.Parse(a.GetProperty("local").GetString()!))
                .FirstOrDefault(a => a.IsIPv6LinkLocal));
        Sysctl = SysctlSnapshot.Read(ns);
        Devices = OffloadOracle.Read(ns, Links.Keys);
    }

    public Dictionary<string, JsonElement> Links { get; }
    public Dictionary<(string Family, string Interface), JsonElement> Netconf { get; }
    public Dictionary<(string Family, string Device), JsonElement> Ntable { get; }
    public Dictionary<string, IPAddress> Tokens { get; }
    public Dictionary<string, IPAddress?> LinkLocal { get; }
    public SysctlSnapshot Sysctl { get; }
    public Dictionary<string, (HashSet<string> Active, uint WakeOnLan)> Devices { get; }

    public static IpInterfaceOracle Read(TestNetns ns) => new(ns);

    public string NameOf(uint index) => Links.Single(l => l.Value.GetProperty("ifindex").GetUInt32() == index).Key;

    public uint IndexOf(string name) => Links[name].GetProperty("ifindex").GetUInt32();

    /// <summary>
    /// Whether the interface should have a row: IPv4 when the kernel has IPv4 state for it (a netconf
    /// entry), IPv6 when it has IPv6 state and disable_ipv6 is 0.
    /// </summary>
    public bool HasRow(AddressFamily family, string name) => family == AddressFamily.InterNetwork
        ? Netconf.ContainsKey(("inet", name))
        : Netconf.ContainsKey(("inet6", name)) && Sysctl.Int($"net.ipv6.conf.{name}.disable_ipv6") == 0;

    /// <summary>Checks every field of <paramref name="row"/>; times that the kernel redraws are allowed either reading (this, or <paramref name="after"/>).</summary>
    public void AssertRow(in MibIpInterfaceRow row, IpInterfaceOracle after)
    {
        var name = NameOf(row.InterfaceIndex);
        var link = Links[name];
        var flags = link.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToHashSet();
        var loopback = flags.Contains("LOOPBACK");
        var noArp = flags.Contains("NOARP") || loopback;
        var ipv6 = row.Family == AddressFamily.InterNetworkV6;
        var family = ipv6 ? "inet6" : "inet";
        var what = $"{name} {family}";
        var ntable = Ntable[(family, name)];

        Assert.True(HasRow(row.Family, name), $"{what}: a row the kernel has no state for");
        Assert.Equal(0u, row.MaxReassemblySize);
        Assert.Equal(0u, row.MinRouterAdvertisementInterval);
        Assert.Equal(0u, row.MaxRouterAdvertisementInterval);
        Assert.False(row.AdvertisingEnabled, what);
        Assert.False(row.AdvertiseDefaultRoute, what);
        Assert.True(row.WeakHostSend, what);
        Assert.True(row.WeakHostReceive, what);
        Assert.True(row.UseAutomaticMetric, what);
        Assert.Equal(0u, row.Metric);
        Assert.Equal(!noArp, row.SupportsNeighborDiscovery);
        Assert.Equal(!noArp, row.UseNeighborUnreachabilityDetection);
        Assert.Equal(ntable.GetProperty("base_reachable").GetUInt32(), row.BaseReachableTime);
        Assert.Equal(ntable.GetProperty("retrans").GetUInt32(), row.RetransmitTime);
        Assert.Contains(row.ReachableTime, new[] { ntable.GetProperty("reachable").GetUInt32(), after.Ntable[(family, name)].GetProperty("reachable").GetUInt32() });
        Assert.Equal((uint)Sysctl.Int($"net.{(ipv6 ? "ipv6" : "ipv4")}.route.mtu_expires") * 1000, row.PathMtuDiscoveryTimeout);
        Assert.Equal(0u, row.LinkLocalAddressTimeout);
        Assert.Equal(0u, row.SitePrefixLength);
        uint[] zones = [0, row.InterfaceIndex, row.InterfaceIndex, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(zones, ((ReadOnlySpan<uint>)row.ZoneIndices).ToArray());
        Assert.Equal(flags.Contains("LOWER_UP"), row.Connected);
        var device = Devices[name];
        Assert.Equal(device.WakeOnLan != 0, row.SupportsWakeUpPatterns);
        // ip 6.1 has no gso_ipv4_max_size; the kernel starts it at 65536 whatever gso_max_size is.
        var gso = ipv6 ? link.GetProperty("gso_max_size").GetUInt32() : link.TryGetProperty("gso_ipv4_max_size", out var v4) ? v4.GetUInt32() : 65536;
        var (transmit, receive) = OffloadOracle.Expected(device.Active, ipv6, gso);
        Assert.Equal(transmit, row.TransmitOffload);
        Assert.Equal(receive, row.ReceiveOffload);

        if (!ipv6)
        {
            Assert.Equal(Netconf[("inet", name)].GetProperty("forwarding").GetBoolean(), row.ForwardingEnabled);
            Assert.Equal(link.GetProperty("mtu").GetUInt32(), row.NlMtu);
            Assert.Equal(0UL, row.InterfaceIdentifier);
            Assert.False(row.ManagedAddressConfigurationSupported);
            Assert.False(row.OtherStatefulConfigurationSupported);
            Assert.Equal(NlRouterDiscoveryBehavior.RouterDiscoveryDisabled, row.RouterDiscoveryBehavior);
            Assert.False(row.SupportsRouterDiscovery);
            Assert.Equal(0u, row.DadTransmits);
            Assert.Equal(NlLinkLocalAddressBehavior.LinkLocalAlwaysOff, row.LinkLocalAddressBehavior);
            Assert.False(row.DisableDefaultRoutes);
            return;
        }

        var conf = $"net.ipv6.conf.{name}.";
        var forceForwarding = Sysctl.Has(conf + "force_forwarding") && Sysctl.Int(conf + "force_forwarding") == 1;
        var routing = Sysctl.Int(conf + "forwarding") == 1 || forceForwarding;
        Assert.Equal(routing, row.ForwardingEnabled);
        if (!forceForwarding) Assert.Equal(Netconf[("inet6", name)].GetProperty("forwarding").GetBoolean(), row.ForwardingEnabled);
        Assert.Equal((uint)Sysctl.Int(conf + "mtu"), row.NlMtu);
        var acceptRa = Sysctl.Int(conf + "accept_ra");
        var discovery = !loopback && (routing ? acceptRa == 2 : acceptRa >= 1);
        Assert.Equal(discovery ? NlRouterDiscoveryBehavior.RouterDiscoveryEnabled : NlRouterDiscoveryBehavior.RouterDiscoveryDisabled, row.RouterDiscoveryBehavior);
        Assert.Equal(!loopback, row.SupportsRouterDiscovery);
        var dadRuns = !noArp && (Sysctl.Int(conf + "accept_dad") >= 1 || Sysctl.Int("net.ipv6.conf.all.accept_dad") >= 1);
        Assert.Equal(dadRuns ? (uint)Sysctl.Int(conf + "dad_transmits") : 0, row.DadTransmits);
        var linkLocal = !loopback && link.GetProperty("inet6_addr_gen_mode").GetString() != "none";
        Assert.Equal(linkLocal ? NlLinkLocalAddressBehavior.LinkLocalAlwaysOn : NlLinkLocalAddressBehavior.LinkLocalAlwaysOff, row.LinkLocalAddressBehavior);
        Assert.Equal(Sysctl.Int(conf + "accept_ra_defrtr") == 0, row.DisableDefaultRoutes);
        Assert.False(row.ManagedAddressConfigurationSupported);
        Assert.False(row.OtherStatefulConfigurationSupported);
        var token = Tokens.GetValueOrDefault(name);
        var identifier = token is not null && !token.Equals(IPAddress.IPv6None) ? token : LinkLocal.GetValueOrDefault(name);
        Assert.Equal(identifier is null ? 0 : BitConverter.ToUInt64(identifier.GetAddressBytes(), 8), row.InterfaceIdentifier);
    }
}
