using System.Net;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>Counters after real traffic: UDP datagrams both ways across a veth pair between two namespaces.</summary>
public sealed class IfCounterTests
{
    private const int Datagrams = 25;
    private const int Payload = 200;

    /// <summary>A UDP datagram of <see cref="Payload"/> bytes on the wire of a veth: Ethernet + IPv4 + UDP headers.</summary>
    private const int FrameBytes = 14 + 20 + 8 + Payload;

    [RootFact]
    public void GetIfTable2_AfterTrafficAcrossAVethPair_CountsItBetweenIpReadings()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();
        a.ConnectVeth(b, "iph-c0", "iph-c1");
        a.AddAddress("iph-c0", "192.0.2.1/24");
        b.AddAddress("iph-c1", "192.0.2.2/24");
        using var inA = OpenUdp(a, "192.0.2.1");
        using var inB = OpenUdp(b, "192.0.2.2");
        Exchange(inA, inB, 1); // resolves ARP first, so the counted datagrams are the only unicast traffic we cause

        var startA = IpLink.Show(a, "iph-c0").Stats!;
        var startB = IpLink.Show(b, "iph-c1").Stats!;
        Exchange(inA, inB, Datagrams);

        AssertCounted(a, "iph-c0", startA);
        AssertCounted(b, "iph-c1", startB);
    }

    [RootFact]
    public void GetIfEntry2_AfterTraffic_MatchesTheTableReading()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();
        a.ConnectVeth(b, "iph-c0", "iph-c1");
        a.AddAddress("iph-c0", "192.0.2.1/24");
        b.AddAddress("iph-c1", "192.0.2.2/24");
        using var inA = OpenUdp(a, "192.0.2.1");
        using var inB = OpenUdp(b, "192.0.2.2");
        Exchange(inA, inB, 1);
        var start = IpLink.Show(a, "iph-c0").Stats!;
        Exchange(inA, inB, Datagrams);

        var before = IpLink.Show(a, "iph-c0");
        var row = new MibIfRow2 { InterfaceIndex = before.Index };
        using (a.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.GetIfEntry2(ref row));
        var after = IpLink.Show(a, "iph-c0");

        IfRowAssert.CountersBetween("iph-c0", before.Stats!, row, after.Stats!);
        Assert.True(row.OutUcastPkts - start.TxPackets >= Datagrams);
        Assert.True(row.InOctets - start.RxBytes >= (ulong)(Datagrams * FrameBytes));
    }

    private static void AssertCounted(TestNetns ns, string name, IpLinkStats start)
    {
        var before = IpLink.Show(ns, name).Stats!;
        MibIfRow2 row;
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIfTable2(out var table));
            using (table) row = table!.Single(r => r.Alias == name);
        }
        var after = IpLink.Show(ns, name).Stats!;

        IfRowAssert.CountersBetween(name, before, row, after);
        // What we sent and received shows in our reading, not only in ip's.
        Assert.True(row.OutUcastPkts - start.TxPackets >= Datagrams, $"{name}: {row.OutUcastPkts - start.TxPackets} packets sent since the start");
        Assert.True(row.OutOctets - start.TxBytes >= (ulong)(Datagrams * FrameBytes), $"{name}: {row.OutOctets - start.TxBytes} octets sent");
        Assert.True(row.InUcastPkts - (start.RxPackets - start.RxMulticast) >= Datagrams, $"{name}: {row.InUcastPkts} unicast packets received");
        Assert.True(row.InOctets - start.RxBytes >= (ulong)(Datagrams * FrameBytes), $"{name}: {row.InOctets - start.RxBytes} octets received");
    }

    /// <summary>Sends <paramref name="count"/> datagrams each way and waits until all have arrived.</summary>
    private static void Exchange(Socket a, Socket b, int count)
    {
        var payload = new byte[Payload];
        for (var i = 0; i < count; i++)
        {
            a.SendTo(payload, b.LocalEndPoint!);
            b.SendTo(payload, a.LocalEndPoint!);
        }
        var buffer = new byte[Payload + 1];
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(Payload, a.Receive(buffer));
            Assert.Equal(Payload, b.Receive(buffer));
        }
    }

    /// <summary>A UDP socket bound in <paramref name="ns"/> (created on the namespace scope's thread).</summary>
    private static Socket OpenUdp(TestNetns ns, string address)
    {
        using var scope = ns.Enter();
        return NetNamespace.Run(() =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            return socket;
        });
    }
}
