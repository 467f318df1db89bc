using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Neighbors.NeighborLab;

namespace IpHelper.Tests.Kernel.Neighbors;

/// <summary>GetIpNetTable2 and GetIpNetEntry2 against <c>ip -j neigh</c> after real traffic.</summary>
public sealed class NeighborTableTests
{
    /// <summary>One neighbour entry in the terms both sides can be compared in.</summary>
    private readonly record struct Entry(uint Index, string Address, NlNeighborState State, string Mac, bool IsRouter);

    [RootFact]
    public void GetIpNetTable2_AfterTraffic_MatchesIpNeigh()
    {
        using var lab = new NeighborLab();
        PopulateEveryState(lab);

        // Multicast (NOARP) entries may still appear while MLD reports go out: compare until both sides agree.
        Entry[] ours = [], oracle = [];
        for (var attempt = 0; attempt < 20; attempt++)
        {
            ours = ReadTable(lab.A, AddressFamily.Unspecified);
            oracle = Oracle(lab.A);
            if (ours.SequenceEqual(oracle)) break;
            Thread.Sleep(100);
        }

        Assert.Equal(oracle, ours);
        var a0 = IndexOf(lab.A, AtoB);
        var br0 = IndexOf(lab.A, Bridge);
        var bMac = MacOf(lab.B, BtoA);
        Assert.Contains(new Entry(a0, B4, NlNeighborState.NlnsReachable, bMac, false), ours);
        Assert.Contains(new Entry(a0, B6, NlNeighborState.NlnsReachable, bMac, true), ours);
        Assert.Contains(new Entry(br0, C4, NlNeighborState.NlnsReachable, MacOf(lab.C, CtoBridge), false), ours);
        Assert.Contains(new Entry(br0, C6, NlNeighborState.NlnsReachable, MacOf(lab.C, CtoBridge), false), ours);
        Assert.Contains(new Entry(a0, "192.0.2.50", NlNeighborState.NlnsPermanent, "02:00:5e:00:00:50", true), ours);
        Assert.Contains(new Entry(br0, "198.51.100.60", NlNeighborState.NlnsStale, "02:00:5e:00:00:60", false), ours);
        Assert.Contains(new Entry(a0, "192.0.2.99", NlNeighborState.NlnsUnreachable, "", false), ours);
        Assert.Contains(ours, e => e.State == NlNeighborState.NlnsPermanent && e.Address.StartsWith("ff02::", StringComparison.Ordinal));
    }

    [RootFact]
    public void GetIpNetTable2_Rows_CarryTheInterfaceLuidAndTheUnreachableFlag()
    {
        using var lab = new NeighborLab();
        PopulateEveryState(lab);

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpNetTable2(AddressFamily.Unspecified, out var table));
            using (table)
            {
                foreach (var row in table!)
                {
                    Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(row.InterfaceIndex, out var luid));
                    Assert.Equal(luid, row.InterfaceLuid);
                    Assert.Equal(row.State == NlNeighborState.NlnsUnreachable, row.IsUnreachable);
                    Assert.Equal(row.GetPhysicalAddressBytes().Length, (int)row.PhysicalAddressLength);
                }
            }
        }
    }

    [RootFact]
    public void GetIpNetTable2_ReachabilityTime_MatchesIpNeighStatistics()
    {
        using var lab = new NeighborLab();
        PopulateEveryState(lab);
        Thread.Sleep(1100);
        var a0 = IndexOf(lab.A, AtoB);

        MibIpNetRow2[] rows;
        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpNetTable2(AddressFamily.InterNetwork, out var table));
            using (table) rows = table!.ToArray();
        }
        var oracle = lab.A.IpJson("-s", "neigh", "show", "nud", "all", "dev", AtoB).EnumerateArray().ToArray();

        foreach (var (address, failed) in new[] { (B4, false), ("192.0.2.50", false), ("192.0.2.99", true) })
        {
            var row = rows.Single(r => r.InterfaceIndex == a0 && r.Address.ToString() == address);
            var entry = oracle.Single(e => e.GetProperty("dst").GetString() == address);
            // ip -s prints whole seconds; the two reads are a moment apart.
            var seconds = entry.GetProperty(failed ? "updated" : "confirmed").GetInt64();
            Assert.Equal(failed, row.IsUnreachable);
            Assert.InRange(row.LastReachable / 1000.0, seconds - 1.5, seconds + 1.5);
            Assert.True(row.LastReachable >= 1000, $"{address}: {row.LastReachable} ms, but the entry is older than a second");
        }
    }

    [RootTheory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    public void GetIpNetTable2_OneFamily_ReturnsOnlyThatFamily(AddressFamily family)
    {
        using var lab = new NeighborLab();
        PopulateEveryState(lab);

        var rows = ReadTable(lab.A, family);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(family, IPAddress.Parse(r.Address).AddressFamily));
        var expected = Oracle(lab.A).Where(e => IPAddress.Parse(e.Address).AddressFamily == family).Select(e => (e.Index, e.Address));
        Assert.Superset(expected.Where(e => !e.Address.StartsWith("ff", StringComparison.Ordinal)).ToHashSet(), rows.Select(r => (r.Index, r.Address)).ToHashSet());
    }

    [RootFact]
    public void GetIpNetEntry2_ByIndexOrByLuid_ReturnsTheRowOfTheTable()
    {
        using var lab = new NeighborLab();
        PopulateEveryState(lab);
        var a0 = IndexOf(lab.A, AtoB);

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(a0, out var luid));
            var byIndex = new MibIpNetRow2 { Address = SockAddrInet.FromIPAddress(IPAddress.Parse(B6)), InterfaceIndex = a0 };
            var byLuid = new MibIpNetRow2 { Address = SockAddrInet.FromIPAddress(IPAddress.Parse(B6)), InterfaceLuid = luid, InterfaceIndex = 12345 };

            Assert.Equal(NetIoStatus.Success, NetIo.GetIpNetEntry2(ref byIndex));
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpNetEntry2(ref byLuid));

            Assert.Equal(luid, byIndex.InterfaceLuid);
            Assert.Equal(a0, byLuid.InterfaceIndex);
            Assert.Equal(MacOf(lab.B, BtoA), Mac(byIndex));
            Assert.Equal(NlNeighborState.NlnsReachable, byIndex.State);
            Assert.True(byIndex.IsRouter);
            Assert.Equal(byIndex.GetPhysicalAddressBytes().ToArray(), byLuid.GetPhysicalAddressBytes().ToArray());
        }
    }

    [RootFact]
    public void GetIpNetTable2_NoEntryOfTheFamily_ReturnsNotFoundAndAnEmptyTable()
    {
        using var ns = new TestNetns();
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpNetTable2(AddressFamily.InterNetwork, out var table));
            Assert.NotNull(table);
            Assert.Empty(table);
            table.Dispose();
        }
    }

    [RootTheory]
    [InlineData(AddressFamily.AppleTalk)]
    [InlineData((AddressFamily)10)]
    public void GetIpNetTable2_OtherFamily_ReturnsInvalidParameterAndNoTable(AddressFamily family)
    {
        using var ns = new TestNetns();
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpNetTable2(family, out var table));
            Assert.Null(table);
            Assert.Equal("Family", NetIo.LastErrorDetail?.Argument);
        }
    }

    [RootFact]
    public void GetIpNetEntry2_BadInputs_ReturnTheDocumentedCodes()
    {
        using var lab = new NeighborLab();
        PopulateEveryState(lab);
        var a0 = IndexOf(lab.A, AtoB);
        var br0 = IndexOf(lab.A, Bridge);
        var peer = SockAddrInet.FromIPAddress(IPAddress.Parse(B4));

        using (lab.A.Enter())
        {
            Assert.Equal(NetIoStatus.InvalidParameter, Get(new MibIpNetRow2 { Address = peer }));
            Assert.Equal(NetIoStatus.InvalidParameter, Get(new MibIpNetRow2 { InterfaceIndex = a0 }));
            Assert.Equal(NetIoStatus.InvalidParameter, Get(new MibIpNetRow2 { Address = SockAddrInet.FromIPAddress(IPAddress.Any), InterfaceIndex = a0 }));
            Assert.Equal(NetIoStatus.FileNotFound, Get(new MibIpNetRow2 { Address = peer, InterfaceIndex = 9999 }));
            Assert.Equal(NetIoStatus.FileNotFound, Get(new MibIpNetRow2 { Address = peer, InterfaceLuid = new NetLuid(9999, 6), InterfaceIndex = a0 }));
            Assert.Equal(NetIoStatus.NotFound, Get(new MibIpNetRow2 { Address = SockAddrInet.FromIPAddress(IPAddress.Parse("192.0.2.77")), InterfaceIndex = a0 }));
            Assert.Equal(NetIoStatus.NotFound, Get(new MibIpNetRow2 { Address = peer, InterfaceIndex = br0 }));
            var scoped = SockAddrInet.FromIPAddress(IPAddress.Parse($"fe80::1%{br0}"));
            Assert.Equal(NetIoStatus.InvalidParameter, Get(new MibIpNetRow2 { Address = scoped, InterfaceIndex = a0 }));
        }
    }

    [RootFact]
    public void GetIpNetEntry2_Failure_LeavesTheRowAsItWas()
    {
        using var lab = new NeighborLab();
        var a0 = IndexOf(lab.A, AtoB);
        var row = new MibIpNetRow2 { Address = SockAddrInet.FromIPAddress(IPAddress.Parse("192.0.2.77")), InterfaceIndex = a0, State = NlNeighborState.NlnsDelay };
        row.SetPhysicalAddress([1, 2, 3]);
        var before = row;

        using (lab.A.Enter()) Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpNetEntry2(ref row));

        Assert.Equal(Bytes(before), Bytes(row));
    }

    private static NetIoStatus Get(MibIpNetRow2 row) => NetIo.GetIpNetEntry2(ref row);

    /// <summary>All 88 bytes of a row, for comparing rows whole.</summary>
    internal static byte[] Bytes(in MibIpNetRow2 row) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<MibIpNetRow2>(in row)).ToArray();

    /// <summary>
    /// Traffic from A to B and C over both families (reachable entries; B's IPv6 one a router), a permanent
    /// IPv4 router entry, a stale one, and a failed resolution.
    /// </summary>
    internal static void PopulateEveryState(NeighborLab lab)
    {
        foreach (var destination in new[] { B4, B6, C4, C6 }) SendUdp(lab.A, destination);
        lab.A.Ip("neigh", "add", "192.0.2.50", "lladdr", "02:00:5e:00:00:50", "dev", AtoB, "router");
        lab.A.Ip("neigh", "add", "198.51.100.60", "lladdr", "02:00:5e:00:00:60", "dev", Bridge, "nud", "stale");
        lab.A.SetSysctl($"net.ipv4.neigh.{AtoB}.retrans_time_ms", "10");
        lab.A.SetSysctl($"net.ipv4.neigh.{AtoB}.mcast_solicit", "1");
        lab.A.Ip("neigh", "replace", "192.0.2.99", "dev", AtoB, "use");
        Assert.True(Eventually(() =>
        {
            var entries = IpNeighbors(lab.A);
            return new[] { B4, B6, C4, C6 }.All(d => entries.Any(e => e.GetProperty("dst").GetString() == d && HasState(e, "REACHABLE")))
                && entries.Any(e => e.GetProperty("dst").GetString() == "192.0.2.99" && HasState(e, "FAILED"));
        }), "the traffic did not leave reachable entries for B and C and a failed one");
    }

    private static bool HasState(JsonElement entry, string state) =>
        entry.GetProperty("state").EnumerateArray().Any(s => s.GetString() == state);

    private static Entry[] ReadTable(TestNetns ns, AddressFamily family)
    {
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpNetTable2(family, out var table));
            using (table)
                return table!.Select(r => new Entry(r.InterfaceIndex, Unscoped(r.Address), r.State, Mac(r), r.IsRouter))
                    .OrderBy(e => e.Index).ThenBy(e => e.Address, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary><c>ip -j neigh show nud all</c> in the same terms, with the state mapping of docs/mapping.md.</summary>
    private static Entry[] Oracle(TestNetns ns)
    {
        var indexes = ns.IpJson("link", "show").EnumerateArray()
            .ToDictionary(l => l.GetProperty("ifname").GetString()!, l => l.GetProperty("ifindex").GetUInt32());
        return IpNeighbors(ns).Select(e => new Entry(
            indexes[e.GetProperty("dev").GetString()!],
            IPAddress.Parse(e.GetProperty("dst").GetString()!).ToString(),
            OracleState(e),
            e.TryGetProperty("lladdr", out var mac) ? mac.GetString()! : "",
            e.TryGetProperty("router", out _))).OrderBy(e => e.Index).ThenBy(e => e.Address, StringComparer.Ordinal).ToArray();
    }

    private static NlNeighborState OracleState(JsonElement entry) => entry.GetProperty("state")[0].GetString() switch
    {
        "PERMANENT" or "NOARP" => NlNeighborState.NlnsPermanent,
        "REACHABLE" => NlNeighborState.NlnsReachable,
        "STALE" => NlNeighborState.NlnsStale,
        "DELAY" => NlNeighborState.NlnsDelay,
        "PROBE" => NlNeighborState.NlnsProbe,
        "FAILED" => NlNeighborState.NlnsUnreachable,
        _ => NlNeighborState.NlnsIncomplete,
    };

    private static string Unscoped(SockAddrInet address)
    {
        var bytes = new byte[16];
        return new IPAddress(bytes.AsSpan(0, address.WriteAddressBytes(bytes))).ToString();
    }

    private static string Mac(in MibIpNetRow2 row) =>
        string.Join(':', row.GetPhysicalAddressBytes().ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
