using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Neighbors;

namespace IpHelper.Tests.Kernel.Paths;

/// <summary>
/// A (under test) reaches C through the router R. A–R is a 1500-byte link (192.0.2.0/24, 2001:db8:1::/64),
/// R–C a 1300-byte one (198.51.100.0/24, 2001:db8:2::/64), so R answers A's large datagrams to C with
/// ICMP "fragmentation needed" (IPv4, DF set) or "packet too big" (IPv6), and A's kernel creates route
/// exceptions with a path MTU of 1300.
/// </summary>
internal sealed class PathLab : IDisposable
{
    public const string AtoR = "iph-a0", RtoA = "iph-r0", RtoC = "iph-r1", CtoR = "iph-c0";
    public const string A4 = "192.0.2.1", R4 = "192.0.2.2", C4 = "198.51.100.2";
    public const string A6 = "2001:db8:1::1", R6 = "2001:db8:1::2", C6 = "2001:db8:2::2";
    public const uint SmallMtu = 1300;

    public PathLab()
    {
        A = new TestNetns();
        R = new TestNetns();
        C = new TestNetns();
        try
        {
            foreach (var ns in new[] { A, R, C })
                ns.Exec("sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
            R.Exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");
            A.Batch($"""
                link add {AtoR} type veth peer name {RtoA} netns {R.Name}
                link set {AtoR} up
                address add {A4}/24 dev {AtoR}
                address add {A6}/64 dev {AtoR} nodad
                route add 198.51.100.0/24 via {R4}
                route add 2001:db8:2::/64 via {R6}
                """);
            R.Batch($"""
                link add {RtoC} type veth peer name {CtoR} netns {C.Name}
                link set {RtoA} up
                link set {RtoC} mtu {SmallMtu}
                link set {RtoC} up
                address add {R4}/24 dev {RtoA}
                address add {R6}/64 dev {RtoA} nodad
                address add 198.51.100.1/24 dev {RtoC}
                address add 2001:db8:2::1/64 dev {RtoC} nodad
                """);
            C.Batch($"""
                link set {CtoR} mtu {SmallMtu}
                link set {CtoR} up
                address add {C4}/24 dev {CtoR}
                address add {C6}/64 dev {CtoR} nodad
                route add default via 198.51.100.1
                route add default via 2001:db8:2::1
                """);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public TestNetns A { get; }
    public TestNetns R { get; }
    public TestNetns C { get; }

    /// <summary>
    /// Sends 1400-byte datagrams from A to <paramref name="destination"/> until R's ICMP error has made A's kernel
    /// record a path MTU of 1300, as <c>ip -j route get</c> (the oracle) reports it.
    /// </summary>
    public void CreatePmtuException(string destination)
    {
        var created = NeighborLab.Eventually(() =>
        {
            NeighborLab.SendUdp(A, destination, 1400, dontFragment: true);
            return RouteGetMtu(destination) == SmallMtu;
        });
        if (!created) throw new InvalidOperationException($"no PMTU exception for {destination} appeared");
    }

    /// <summary>The path MTU <c>ip -j route get</c> reports for a destination, or 0 when it reports none.</summary>
    public uint RouteGetMtu(string destination)
    {
        var route = A.IpJson("route", "get", destination)[0];
        return route.TryGetProperty("metrics", out var metrics) && metrics[0].TryGetProperty("mtu", out var mtu) ? mtu.GetUInt32() : 0;
    }

    /// <summary><c>ip -j [-6] route show cache</c> in A: the route exceptions the kernel dumps.</summary>
    public JsonElement[] Cache(AddressFamily family) =>
        (family == AddressFamily.InterNetworkV6 ? A.IpJson("-6", "route", "show", "cache") : A.IpJson("-4", "route", "show", "cache"))
            .EnumerateArray().ToArray();

    /// <summary>
    /// One TCP connection from A to <paramref name="destination"/> with a few round trips, closed by A, so that A's
    /// kernel saves a tcp_metrics entry; waits until <c>ip tcp_metrics</c> shows it.
    /// </summary>
    public void TcpExchange(string destination)
    {
        var address = IPAddress.Parse(destination);
        TcpListener listener;
        using (C.Enter()) listener = TestBackend.Context.Run(() =>
        {
            var l = new TcpListener(address.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
            l.Start();
            return l;
        });
        using (listener)
        {
            Socket client;
            using (A.Enter()) client = TestBackend.Context.Run(() => new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
            using (client)
            {
                client.ReceiveTimeout = 5000;
                client.Connect(new IPEndPoint(address, ((IPEndPoint)listener.LocalEndpoint).Port));
                using var server = listener.AcceptSocket();
                server.ReceiveTimeout = 5000;
                var buffer = new byte[64];
                for (var i = 0; i < 5; i++)
                {
                    client.Send(buffer);
                    server.Receive(buffer);
                    server.Send(buffer);
                    client.Receive(buffer);
                }
                client.Shutdown(SocketShutdown.Both);
                client.Close();
            }
        }
        if (!NeighborLab.Eventually(() => TcpMetrics().Any(m => m.GetProperty("dst").GetString() == destination)))
            throw new InvalidOperationException($"no tcp_metrics entry for {destination} appeared");
    }

    /// <summary><c>ip -j tcp_metrics show</c> in A.</summary>
    public JsonElement[] TcpMetrics() => A.IpJson("tcp_metrics", "show").EnumerateArray().ToArray();

    public void Dispose()
    {
        Cleanup.Dispose(A, R, C);
    }
}
