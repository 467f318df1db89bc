using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// The namespace every bad-input case runs in: veths v0 (192.0.2.1/24, 2001:db8::1/64, a route, two
/// permanent neighbours) and v1, and the identity of a veth that existed and was deleted (gone0), so
/// its index, LUID and GUID name nothing. v1 has IPv6 disabled; v0 forwards IPv6 and has joined the
/// anycast address 2001:db8::a1; its IPv4 interface metric is 5. Routes: 198.51.100.0/24 via
/// 192.0.2.254, and 203.0.113.128/25 via 192.0.2.254 twice, with metrics 0 and 50. DAD and router solicitations are off, so nothing changes by
/// itself and <see cref="Snapshot"/> before and after a refused write must be equal.
/// </summary>
public sealed class BadInputLab : IDisposable
{
    /// <summary>v0's IPv4 interface metric, set through SetIpInterfaceEntry.</summary>
    public const uint InterfaceMetric = 5;

    /// <summary>A LUID no interface can have (the largest NetLuidIndex, ifType ethernet).</summary>
    public static readonly NetLuid UnknownLuid = new(NetLuid.MaxNetLuidIndex, 6);

    // One process prints everything a refused write could have changed; nothing in it moves by itself.
    private const string SnapshotScript =
        "ip -j address show; ip -j link show; ip -j route show table all; ip -j -6 route show table all; " +
        "ip -j neigh show; ip -j -6 neigh show; cat /proc/net/anycast6; " +
        "grep -r . /proc/sys/net/ipv4/conf/v0 /proc/sys/net/ipv6/conf/v0 /proc/sys/net/ipv4/neigh/v0 /proc/sys/net/ipv6/neigh/v0 2>/dev/null; true";

    /// <summary>Builds the namespace and records the interfaces' identities.</summary>
    public BadInputLab()
    {
        Ns = new TestNetns();
        try
        {
            Ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
            Ns.SetSysctl("net.ipv6.conf.default.router_solicitations", "0");
            Ns.AddVeth("v0", "v1");
            Ns.AddVeth("gone0", "gone1");
            Ns.SetSysctl("net.ipv6.conf.v1.disable_ipv6", "1");
            Ns.SetSysctl("net.ipv6.conf.v0.forwarding", "1"); // the kernel then holds v0's subnet-router anycast address 2001:db8::
            Ns.AddAddress("v0", "192.0.2.1/24");
            Ns.AddAddress("v0", "2001:db8::1/64", "nodad");
            Ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:00:00:00:07", "dev", "v0", "nud", "permanent");
            Ns.Ip("neigh", "add", "2001:db8::7", "lladdr", "02:00:00:00:00:07", "dev", "v0", "nud", "permanent");
            using (Ns.Enter())
            {
                V0 = NetIo.if_nametoindex("v0");
                V1 = NetIo.if_nametoindex("v1");
                GoneIndex = NetIo.if_nametoindex("gone0");
                Check(NetIo.ConvertInterfaceIndexToLuid(V0, out var v0Luid));
                Check(NetIo.ConvertInterfaceIndexToLuid(GoneIndex, out var goneLuid));
                Check(NetIo.ConvertInterfaceLuidToGuid(goneLuid, out var goneGuid));
                Check(NetIo.CreateAnycastIpAddressEntry(BadInputCases.Anycast(V0, BadInputCases.JoinedAnycast)));
                V0Luid = v0Luid;
                GoneLuid = goneLuid;
                GoneGuid = goneGuid;
                NetIo.InitializeIpInterfaceEntry(out var ipInterface);
                (ipInterface.Family, ipInterface.InterfaceLuid) = (AddressFamily.InterNetwork, v0Luid);
                Check(NetIo.GetIpInterfaceEntry(ref ipInterface));
                (ipInterface.UseAutomaticMetric, ipInterface.Metric) = (false, InterfaceMetric);
                Check(NetIo.SetIpInterfaceEntry(ref ipInterface));
            }
            // The kernel's priority is the route metric plus the interface metric. Linux keys a route by its
            // priority too, so 203.0.113.128/25 via 192.0.2.254 can be there twice, with metrics 0 and 50.
            Ns.Ip("route", "add", "198.51.100.0/24", "via", "192.0.2.254", "metric", $"{InterfaceMetric}");
            Ns.Ip("route", "add", "203.0.113.128/25", "via", "192.0.2.254", "metric", $"{InterfaceMetric}");
            Ns.Ip("route", "add", "203.0.113.128/25", "via", "192.0.2.254", "metric", $"{InterfaceMetric + 50}");
            Ns.Ip("link", "del", "gone0");
        }
        catch
        {
            Ns.Dispose();
            throw;
        }
    }

    /// <summary>The namespace.</summary>
    public TestNetns Ns { get; }

    /// <summary>The index of v0.</summary>
    public uint V0 { get; }

    /// <summary>The index of v1.</summary>
    public uint V1 { get; }

    /// <summary>The index gone0 had before it was deleted.</summary>
    public uint GoneIndex { get; }

    /// <summary>The LUID of v0.</summary>
    public NetLuid V0Luid { get; }

    /// <summary>The LUID gone0 had.</summary>
    public NetLuid GoneLuid { get; }

    /// <summary>The GUID gone0 had.</summary>
    public Guid GoneGuid { get; }

    /// <summary>Everything a write could change: addresses, links, routes, neighbours, anycast, v0's sysctls.</summary>
    public string Snapshot() => Ns.Exec("sh", "-c", SnapshotScript);

    /// <summary>An address from text (IPv6 with an optional %scope).</summary>
    public static SockAddrInet Address(string text) =>
        SockAddrInet.TryParse(text, out var address) ? address : throw new ArgumentException($"not an address: {text}", nameof(text));

    /// <summary>A SOCKADDR_INET whose family is <paramref name="family"/> and whose bytes are otherwise those of 192.0.2.1.</summary>
    public static SockAddrInet Family(ushort family)
    {
        Span<byte> bytes = stackalloc byte[Marshal.SizeOf<SockAddrInet>()];
        MemoryMarshal.Write(bytes, Address("192.0.2.1"));
        MemoryMarshal.Write(bytes, family);
        return MemoryMarshal.Read<SockAddrInet>(bytes);
    }

    /// <summary>A prefix from an address and a length, host bits as given.</summary>
    public static IpAddressPrefix Prefix(string address, byte length) => new(Address(address), length);

    /// <summary>The family of an address text.</summary>
    public static AddressFamily FamilyOf(string text) => IPAddress.Parse(text.Split('%')[0]).AddressFamily;

    /// <inheritdoc/>
    public void Dispose() => Cleanup.All(LeaveAnycastAndMetric, Ns.Dispose);

    /// <summary>Leaves the anycast address the lab's process joined, and gives the metric back (which removes its /run/iphelper entry).</summary>
    private void LeaveAnycastAndMetric()
    {
        using (Ns.Enter())
        {
            NetIo.DeleteAnycastIpAddressEntry(BadInputCases.Anycast(V0, BadInputCases.JoinedAnycast));
            NetIo.InitializeIpInterfaceEntry(out var ipInterface);
            (ipInterface.Family, ipInterface.InterfaceLuid) = (AddressFamily.InterNetwork, V0Luid);
            if (NetIo.GetIpInterfaceEntry(ref ipInterface) == NetIoStatus.Success)
            {
                ipInterface.UseAutomaticMetric = true;
                NetIo.SetIpInterfaceEntry(ref ipInterface);
            }
        }
    }

    private static void Check(NetIoStatus status)
    {
        if (status != NetIoStatus.Success) throw new InvalidOperationException($"lab setup: {status}: {NetIo.LastErrorDetail}");
    }
}
