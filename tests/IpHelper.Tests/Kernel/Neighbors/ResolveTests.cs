using System.Net;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Neighbors.NeighborLab;

namespace IpHelper.Tests.Kernel.Neighbors;

/// <summary>ResolveIpNetEntry2 sends real ARP requests and Neighbor Solicitations between namespaces.</summary>
public sealed class ResolveTests
{
    private static MibIpNetRow2 Row(string address, uint index = 0) =>
        new() { Address = SockAddrInet.FromIPAddress(IPAddress.Parse(address)), InterfaceIndex = index };

    private static string Mac(in MibIpNetRow2 row) =>
        string.Join(':', row.GetPhysicalAddressBytes().ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The kernel gives up after one solicitation 50 ms later, so absent hosts fail fast.</summary>
    private static void ShortenResolution(TestNetns ns, string device)
    {
        foreach (var family in new[] { "ipv4", "ipv6" })
        {
            ns.SetSysctl($"net.{family}.neigh.{device}.retrans_time_ms", "50");
            ns.SetSysctl($"net.{family}.neigh.{device}.mcast_solicit", "1");
        }
    }

    [RootTheory]
    [InlineData(B4, false)]
    [InlineData(B6, true)]
    public void ResolveIpNetEntry2_PeerOverVeth_FindsItsRealMac(string address, bool isRouter)
    {
        using var lab = new NeighborLab();
        var a0 = IndexOf(lab.A, AtoB);
        Assert.Empty(IpNeighbors(lab.A, address));
        var row = Row(address, a0);

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.ResolveIpNetEntry2(ref row));

        var mac = MacOf(lab.B, BtoA);
        Assert.Equal(mac, Mac(row));
        Assert.Equal(6u, row.PhysicalAddressLength);
        Assert.Equal(NlNeighborState.NlnsReachable, row.State);
        Assert.Equal(isRouter, row.IsRouter);
        Assert.False(row.IsUnreachable);
        Assert.Equal(a0, row.InterfaceIndex);
        NetLuid luid;
        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(a0, out luid));
        Assert.Equal(luid, row.InterfaceLuid);
        var oracle = IpNeighbors(lab.A, address, "dev", AtoB).Single();
        Assert.Equal(mac, oracle.GetProperty("lladdr").GetString());
        Assert.Equal("REACHABLE", oracle.GetProperty("state")[0].GetString());
    }

    [RootTheory]
    [InlineData(C4)]
    [InlineData(C6)]
    public void ResolveIpNetEntry2_PeerBehindABridge_IsResolvedOnTheBridge(string address)
    {
        using var lab = new NeighborLab();
        var row = Row(address, IndexOf(lab.A, Bridge));

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.ResolveIpNetEntry2(ref row));

        Assert.Equal(MacOf(lab.C, CtoBridge), Mac(row));
        Assert.Equal(MacOf(lab.C, CtoBridge), IpNeighbors(lab.A, address, "dev", Bridge).Single().GetProperty("lladdr").GetString());
    }

    [RootFact]
    public void ResolveIpNetEntry2_StaleEntryWithAWrongMac_IsFlushedAndResolvedAgain()
    {
        using var lab = new NeighborLab();
        lab.A.Ip("neigh", "add", B4, "lladdr", "02:00:5e:00:00:99", "dev", AtoB, "nud", "stale");
        var row = Row(B4, IndexOf(lab.A, AtoB));

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.ResolveIpNetEntry2(ref row));

        Assert.Equal(MacOf(lab.B, BtoA), Mac(row));
        var oracle = IpNeighbors(lab.A, B4, "dev", AtoB).Single();
        Assert.Equal(MacOf(lab.B, BtoA), oracle.GetProperty("lladdr").GetString());
        Assert.Equal("REACHABLE", oracle.GetProperty("state")[0].GetString());
    }

    [RootFact]
    public void ResolveIpNetEntry2_NoInterface_UsesTheInterfaceOfTheRoute()
    {
        using var lab = new NeighborLab();
        var row = Row(C4);

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.ResolveIpNetEntry2(ref row));

        Assert.Equal(IndexOf(lab.A, Bridge), row.InterfaceIndex);
        Assert.Equal(MacOf(lab.C, CtoBridge), Mac(row));
    }

    [RootFact]
    public void ResolveIpNetEntry2_SourceAddress_SelectsItsInterface()
    {
        using var lab = new NeighborLab();
        var row = Row(B6);

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.ResolveIpNetEntry2(ref row, SockAddrInet.FromIPAddress(IPAddress.Parse(A6))));

        Assert.Equal(IndexOf(lab.A, AtoB), row.InterfaceIndex);
        Assert.Equal(MacOf(lab.B, BtoA), Mac(row));
    }

    [RootTheory]
    [InlineData("192.0.2.99")]
    [InlineData("2001:db8:1::99")]
    public void ResolveIpNetEntry2_AbsentHost_ReturnsBadNetNameAndLeavesTheRow(string address)
    {
        using var lab = new NeighborLab();
        ShortenResolution(lab.A, AtoB);
        var row = Row(address, IndexOf(lab.A, AtoB));
        var before = NeighborTableTests.Bytes(row);

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.BadNetName, NetIo.ResolveIpNetEntry2(ref row));
            Assert.Equal(67u, (uint)NetIo.LastErrorDetail!.Status);
        }

        Assert.Equal(before, NeighborTableTests.Bytes(row));
        Assert.Equal("FAILED", IpNeighbors(lab.A, address, "dev", AtoB).Single().GetProperty("state")[0].GetString());
    }

    [RootFact]
    public void ResolveIpNetEntry2_NoRouteAndNoInterface_ReturnsBadNetName()
    {
        using var lab = new NeighborLab();
        var row = Row("203.0.113.5");

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.BadNetName, NetIo.ResolveIpNetEntry2(ref row));

        Assert.Empty(IpNeighbors(lab.A, "203.0.113.5"));
    }

    [RootFact]
    public void ResolveIpNetEntry2_InterfaceDown_ReturnsBadNetName()
    {
        using var lab = new NeighborLab();
        lab.A.Ip("link", "set", AtoB, "down");
        var row = Row(B4, IndexOf(lab.A, AtoB));

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.BadNetName, NetIo.ResolveIpNetEntry2(ref row));
    }

    [RootFact]
    public void ResolveIpNetEntry2_LoopbackInterface_ReturnsNotSupported()
    {
        using var ns = new TestNetns();
        var row = Row("192.0.2.5", IndexOf(ns, "lo"));

        using (ns.Enter()) Assert.Equal(NetIoStatus.NotSupported, NetIo.ResolveIpNetEntry2(ref row));
    }

    [RootFact]
    public void ResolveIpNetEntry2_BadInputs_ReturnTheDocumentedCodesAndSendNothing()
    {
        using var lab = new NeighborLab();
        var a0 = IndexOf(lab.A, AtoB);
        var before = Snapshot(lab.A);

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row("127.0.0.1", a0)));
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row("::1", a0)));
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row("0.0.0.0", a0)));
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row("224.0.0.1", a0)));
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row("ff02::1", a0)));
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(new MibIpNetRow2 { InterfaceIndex = a0 }));
            Assert.Equal(NetIoStatus.NotFound, Resolve(Row(B4, 9999)));
            Assert.Equal(NetIoStatus.NotFound, Resolve(new MibIpNetRow2 { Address = Row(B4).Address, InterfaceLuid = new NetLuid(9999, 6) }));
            // A source that is not an address of this machine, one of another interface, one of the other family.
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row(B4, a0), "192.0.2.77"));
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row(B4, a0), Br4));
            Assert.Equal(NetIoStatus.InvalidParameter, Resolve(Row(B4, a0), A6));
        }

        Assert.Equal(before, Snapshot(lab.A));
        Assert.Empty(IpNeighbors(lab.A, B4));
    }

    private static NetIoStatus Resolve(MibIpNetRow2 row, string? source = null) =>
        NetIo.ResolveIpNetEntry2(ref row, source is null ? default : SockAddrInet.FromIPAddress(IPAddress.Parse(source)));
}
