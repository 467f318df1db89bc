using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Neighbors;

/// <summary>
/// Three namespaces for neighbour tests. A (under test) reaches B over a veth pair (A's iph-a0, B's iph-b0:
/// 192.0.2.0/24, 2001:db8:1::/64) and C behind A's bridge (iph-br0 with port iph-a1, C's iph-c0:
/// 198.51.100.0/24, 2001:db8:2::/64). B forwards IPv6, so its Neighbor Advertisements carry the router
/// flag. DAD is off and reachable times are an hour, so entries keep the state traffic gave them.
/// </summary>
internal sealed class NeighborLab : IDisposable
{
    public const string AtoB = "iph-a0", BtoA = "iph-b0", Bridge = "iph-br0", BridgePort = "iph-a1", CtoBridge = "iph-c0";
    public const string A4 = "192.0.2.1", B4 = "192.0.2.2", Br4 = "198.51.100.1", C4 = "198.51.100.2";
    public const string A6 = "2001:db8:1::1", B6 = "2001:db8:1::2", Br6 = "2001:db8:2::1", C6 = "2001:db8:2::2";

    public NeighborLab()
    {
        A = new TestNetns();
        B = new TestNetns();
        C = new TestNetns();
        try
        {
            // Few processes: one sysctl and one ip -batch per namespace and step.
            foreach (var ns in new[] { A, B, C })
                ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
            B.Exec("sysctl", "-q", "-w", "net.ipv6.conf.all.forwarding=1");
            A.Batch($"""
                link add {AtoB} type veth peer name {BtoA} netns {B.Name}
                link add {BridgePort} type veth peer name {CtoBridge} netns {C.Name}
                link add {Bridge} type bridge
                link set {BridgePort} master {Bridge}
                link set {AtoB} up
                link set {BridgePort} up
                link set {Bridge} up
                address add {A4}/24 dev {AtoB}
                address add {A6}/64 dev {AtoB} nodad
                address add {Br4}/24 dev {Bridge}
                address add {Br6}/64 dev {Bridge} nodad
                """);
            B.Batch($"""
                link set {BtoA} up
                address add {B4}/24 dev {BtoA}
                address add {B6}/64 dev {BtoA} nodad
                """);
            C.Batch($"""
                link set {CtoBridge} up
                address add {C4}/24 dev {CtoBridge}
                address add {C6}/64 dev {CtoBridge} nodad
                """);
            // Only the initial namespace has neigh/default: each device gets the long reachable time itself.
            LongReachableTime(A, AtoB, Bridge);
            LongReachableTime(B, BtoA);
            LongReachableTime(C, CtoBridge);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private static void LongReachableTime(TestNetns ns, params string[] devices) =>
        ns.Exec(["sysctl", "-q", "-w", .. devices.SelectMany(d => new[]
        {
            $"net.ipv4.neigh.{d}.base_reachable_time_ms=3600000",
            $"net.ipv6.neigh.{d}.base_reachable_time_ms=3600000",
        })]);

    public TestNetns A { get; }
    public TestNetns B { get; }
    public TestNetns C { get; }

    /// <summary>The ifindex of a device, from <c>ip -j link</c>.</summary>
    public static uint IndexOf(TestNetns ns, string device) =>
        ns.IpJson("link", "show", device)[0].GetProperty("ifindex").GetUInt32();

    /// <summary>The MAC address of a device, from <c>ip -j link</c>.</summary>
    public static string MacOf(TestNetns ns, string device) =>
        ns.IpJson("link", "show", device)[0].GetProperty("address").GetString()!;

    /// <summary>
    /// Sends a UDP datagram of <paramref name="size"/> bytes to port 9 of <paramref name="destination"/> from a socket
    /// created inside <paramref name="from"/> (there is no ping). EMSGSIZE, which a socket reports once it has
    /// learnt a smaller path MTU, is not an error here.
    /// </summary>
    public static void SendUdp(TestNetns from, string destination, int size = 8, bool dontFragment = false)
    {
        var address = IPAddress.Parse(destination);
        using (from.Enter())
        {
            using var socket = TestBackend.Context.Run(() => new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp));
            if (dontFragment && address.AddressFamily == AddressFamily.InterNetwork) socket.DontFragment = true;
            try
            {
                socket.SendTo(new byte[size], new IPEndPoint(address, 9));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
            {
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 50 ms for up to 10 s; true as soon as it holds.</summary>
    public static bool Eventually(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (true)
        {
            if (condition()) return true;
            if (Environment.TickCount64 > deadline) return false;
            Thread.Sleep(50);
        }
    }

    /// <summary><c>ip -j neigh show nud all</c> in <paramref name="ns"/>, optionally with more filter words.</summary>
    public static JsonElement[] IpNeighbors(TestNetns ns, params string[] filter) =>
        ns.IpJson(["neigh", "show", "nud", "all", .. filter]).EnumerateArray().ToArray();

    /// <summary>The kernel state (<c>ip -j neigh show</c>, permanent and dynamic entries, no NOARP ones) as one comparable string.</summary>
    public static string Snapshot(TestNetns ns) => ns.Ip("-j", "neigh", "show");

    public void Dispose()
    {
        Cleanup.Dispose(A, B, C);
    }
}
