using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

public sealed class IfTableTests(InterfaceTopology topology) : IClassFixture<InterfaceTopology>
{
    [RootFact]
    public void GetIfTable2_ListsExactlyTheLinksOfIpLink()
    {
        var links = IpLink.List(topology.A);

        var rows = Read(MibIfTableLevel.MibIfTableNormal);

        Assert.Equal(links.Select(l => (l.Index, l.Name)).Order(), rows.Select(r => (r.InterfaceIndex, r.Alias)).Order());
    }

    [RootFact]
    public void GetIfTable2_EveryRow_MatchesIpLink_FieldsAndCounters()
    {
        var before = IpLink.List(topology.A);
        var rows = Read(MibIfTableLevel.MibIfTableNormal);
        var after = IpLink.List(topology.A).ToDictionary(l => l.Index);

        foreach (var link in before)
        {
            var row = rows.Single(r => r.InterfaceIndex == link.Index);
            IfRowAssert.MatchesExceptCounters(link, row, IfRowAssert.Driver(topology.A, link.Name));
            IfRowAssert.CountersBetween(link.Name, link.Stats!, row, after[link.Index].Stats!);
        }
    }

    /// <summary>
    /// The oracle comparison above only means something if the topology really has the cases the
    /// mapping distinguishes; these are the values docs/mapping.md gives for each of them.
    /// </summary>
    [RootFact]
    public void GetIfTable2_Topology_CoversEveryDocumentedCase()
    {
        var rows = Read(MibIfTableLevel.MibIfTableNormal).ToDictionary(r => r.Alias);

        var lo = rows["lo"];
        Assert.Equal((IfType.SoftwareLoopback, NdisMedium.NdisMediumLoopback, NetIfAccessType.NetIfAccessLoopback), (lo.Type, lo.MediaType, lo.AccessType));
        Assert.Equal(1u, lo.InterfaceIndex);
        Assert.Equal(IfOperStatus.IfOperStatusUp, lo.OperStatus); // operstate UNKNOWN with IFF_LOWER_UP
        Assert.Equal("lo", lo.Description); // no alias, no kind, no driver
        Assert.Equal(6u, lo.PhysicalAddressLength); // six zero bytes, as the kernel reports

        var veth = rows["veth0"];
        Assert.Equal((IfType.EthernetCsmacd, TunnelType.TunnelTypeNone, NdisMedium.NdisMedium802_3), (veth.Type, veth.TunnelType, veth.MediaType));
        Assert.Equal("veth", veth.Description);
        Assert.Equal((IfOperStatus.IfOperStatusUp, NetIfMediaConnectState.MediaConnectStateConnected), (veth.OperStatus, veth.MediaConnectState));

        Assert.Equal(IfType.Bridge, rows["br0"].Type);
        Assert.Equal("bridge", rows["br0"].Description);

        var lowerDown = rows["vd0"];
        Assert.Equal(NetIfAdminStatus.NetIfAdminStatusUp, lowerDown.AdminStatus);
        Assert.Equal(IfOperStatus.IfOperStatusLowerLayerDown, lowerDown.OperStatus);
        Assert.Equal(NetIfMediaConnectState.MediaConnectStateDisconnected, lowerDown.MediaConnectState);
        Assert.True(lowerDown.InterfaceAndOperStatusFlags.HasFlag(InterfaceAndOperStatusFlags.NotMediaConnected));
        Assert.Equal((NetIfAdminStatus.NetIfAdminStatusDown, IfOperStatus.IfOperStatusDown), (rows["vd0p"].AdminStatus, rows["vd0p"].OperStatus));

        if (rows.TryGetValue("vx0", out var vxlan))
        {
            Assert.Equal((IfType.Tunnel, TunnelType.TunnelTypeOther, NdisMedium.NdisMediumTunnel), (vxlan.Type, vxlan.TunnelType, vxlan.MediaType));
            Assert.Equal(IfOperStatus.IfOperStatusUp, vxlan.OperStatus); // operstate UNKNOWN with IFF_LOWER_UP
        }

        if (rows.TryGetValue("tun0", out var tun))
        {
            Assert.Equal((IfType.PropVirtual, NdisMedium.NdisMediumIP, NetIfAccessType.NetIfAccessPointToPoint), (tun.Type, tun.MediaType, tun.AccessType));
            Assert.Equal(0u, tun.PhysicalAddressLength);
            Assert.Equal((IfOperStatus.IfOperStatusDown, NetIfMediaConnectState.MediaConnectStateDisconnected), (tun.OperStatus, tun.MediaConnectState));
        }

        if (rows.TryGetValue("ifb0", out var ifb))
        {
            Assert.Equal(InterfaceTopology.IfAlias, ifb.Description);
            Assert.Equal(9000u, ifb.Mtu);
            Assert.Equal(IfOperStatus.IfOperStatusUp, ifb.OperStatus); // operstate UNKNOWN with IFF_LOWER_UP
            Assert.Equal((NetIfAdminStatus.NetIfAdminStatusDown, IfOperStatus.IfOperStatusDown), (rows["ifb1"].AdminStatus, rows["ifb1"].OperStatus));
        }
    }

    [RootFact]
    public void GetIfTable2_LinkSpeed_IsTheEthtoolSpeed_VethIs10Gbps()
    {
        var rows = Read(MibIfTableLevel.MibIfTableNormal);

        var speeds = EthtoolOracle.SpeedsMbps(topology.A, rows.Select(r => r.Alias));

        foreach (var row in rows)
        {
            var expected = EthtoolOracle.ExpectedLinkSpeed(speeds[row.Alias]);
            Assert.True(expected == row.TransmitLinkSpeed, $"{row.Alias}: {row.TransmitLinkSpeed} b/s, ethtool says {speeds[row.Alias]} Mb/s");
            Assert.Equal(expected, row.ReceiveLinkSpeed);
        }
        Assert.Equal(10_000_000_000UL, rows.Single(r => r.Alias == "veth0").TransmitLinkSpeed);
        Assert.Equal(ulong.MaxValue, rows.Single(r => r.Alias == "lo").TransmitLinkSpeed);
    }

    [RootTheory]
    [InlineData(MibIfTableLevel.MibIfTableNormal)]
    [InlineData(MibIfTableLevel.MibIfTableRaw)]
    public void GetIfTable2Ex_NormalAndRaw_GiveTheRowsOfIpLink_WithCounters(MibIfTableLevel level)
    {
        var before = IpLink.List(topology.A);
        var rows = Read(level);
        var after = IpLink.List(topology.A).ToDictionary(l => l.Index);

        Assert.Equal(before.Select(l => l.Index).Order(), rows.Select(r => r.InterfaceIndex).Order());
        foreach (var link in before)
        {
            var row = rows.Single(r => r.InterfaceIndex == link.Index);
            IfRowAssert.MatchesExceptCounters(link, row, IfRowAssert.Driver(topology.A, link.Name));
            IfRowAssert.CountersBetween(link.Name, link.Stats!, row, after[link.Index].Stats!);
        }
        Assert.Contains(rows, r => r.InOctets > 0 && r.OutOctets > 0);
    }

    [RootFact]
    public void GetIfTable2Ex_NormalWithoutStatistics_ZeroesEveryCounter_AndKeepsEveryOtherField()
    {
        var withStatistics = Read(MibIfTableLevel.MibIfTableNormal);

        var without = Read(MibIfTableLevel.MibIfTableNormalWithoutStatistics);

        Assert.Equal(withStatistics.Count, without.Count);
        Assert.Contains(withStatistics, r => r.InOctets > 0);
        foreach (var row in without)
        {
            Assert.All(IfRowAssert.Counters(row), counter => Assert.Equal(0UL, counter));
            var full = withStatistics.Single(r => r.InterfaceIndex == row.InterfaceIndex);
            Assert.Equal(IfRowAssert.WithoutCounters(full), IfRowAssert.WithoutCounters(row));
        }
    }

    [RootTheory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void GetIfTable2Ex_UnknownLevel_ReturnsInvalidParameter_AndANullTable(int level)
    {
        using var scope = topology.A.Enter();

        var status = NetIo.GetIfTable2Ex((MibIfTableLevel)level, out var table);

        Assert.Equal(NetIoStatus.InvalidParameter, status);
        Assert.Null(table);
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.LastErrorDetail?.Status);
    }

    [RootFact]
    public void GetIfTable2_Success_ClearsTheLastError_AndTheTableFreesWithFreeMibTable()
    {
        using var scope = topology.A.Enter();
        NetIo.GetIfTable2Ex((MibIfTableLevel)3, out _);

        var status = NetIo.GetIfTable2(out var table);

        Assert.Equal(NetIoStatus.Success, status);
        Assert.NotNull(table);
        Assert.Null(NetIo.LastErrorDetail);
        Assert.NotEmpty(table);
        NetIo.FreeMibTable(table);
    }

    private List<MibIfRow2> Read(MibIfTableLevel level)
    {
        using var scope = topology.A.Enter();
        var status = level == MibIfTableLevel.MibIfTableNormal ? NetIo.GetIfTable2(out var table) : NetIo.GetIfTable2Ex(level, out table);
        Assert.Equal(NetIoStatus.Success, status);
        using (table) return [.. table!];
    }
}
