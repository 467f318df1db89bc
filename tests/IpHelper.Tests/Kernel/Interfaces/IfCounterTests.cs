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
        using var pair = new Pair();
        var (a, b) = (pair.A, pair.B);

        var startA = IpLink.Show(a, "iph-c0").Stats!;
        var startB = IpLink.Show(b, "iph-c1").Stats!;
        pair.Exchange(Datagrams);

        AssertCounted(a, "iph-c0", startA);
        AssertCounted(b, "iph-c1", startB);
    }

    [RootFact]
    public void GetIfEntry2_AfterTrafficAcrossAVethPair_CountsItBetweenIpReadings()
    {
        using var pair = new Pair();
        var a = pair.A;
        var start = IpLink.Show(a, "iph-c0").Stats!;
        pair.Exchange(Datagrams);

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

    /// <summary>
    /// Namespaces A (iph-c0, 192.0.2.1) and B (iph-c1, 192.0.2.2) joined by a veth pair, with a UDP
    /// socket in each, and one datagram exchanged already so ARP is resolved and the datagrams a test
    /// counts are the only unicast traffic it causes.
    /// </summary>
    private sealed class Pair : IDisposable
    {
        private readonly Socket _inA;
        private readonly Socket _inB;

        public Pair()
        {
            A = new TestNetns();
            B = new TestNetns();
            try
            {
                A.ConnectVeth(B, "iph-c0", "iph-c1");
                A.AddAddress("iph-c0", "192.0.2.1/24");
                B.AddAddress("iph-c1", "192.0.2.2/24");
                _inA = OpenUdp(A, "192.0.2.1");
                _inB = OpenUdp(B, "192.0.2.2");
                Exchange(1);
            }
            catch
            {
                _inA?.Dispose();
                _inB?.Dispose();
                A.Dispose();
                B.Dispose();
                throw;
            }
        }

        public TestNetns A { get; }

        public TestNetns B { get; }

        /// <summary>Sends <paramref name="count"/> datagrams each way and waits until all have arrived.</summary>
        public void Exchange(int count)
        {
            var payload = new byte[Payload];
            for (var i = 0; i < count; i++)
            {
                _inA.SendTo(payload, _inB.LocalEndPoint!);
                _inB.SendTo(payload, _inA.LocalEndPoint!);
            }
            var buffer = new byte[Payload + 1];
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(Payload, _inA.Receive(buffer));
                Assert.Equal(Payload, _inB.Receive(buffer));
            }
        }

        public void Dispose()
        {
            Cleanup.Dispose(_inA, _inB, A, B);
        }

        /// <summary>A UDP socket bound in <paramref name="ns"/> (created on the namespace scope's thread).</summary>
        private static Socket OpenUdp(TestNetns ns, string address)
        {
            using var scope = ns.Enter();
            return TestBackend.Context.Run(() =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                return socket;
            });
        }
    }
}
