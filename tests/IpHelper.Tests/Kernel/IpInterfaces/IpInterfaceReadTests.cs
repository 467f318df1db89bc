using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// GetIpInterfaceTable and GetIpInterfaceEntry against the kernel (ip -j link/netconf/ntable/token/addr,
/// sysctl, ethtool) for every interface of <see cref="IpInterfaceTopology"/>, both families.
/// </summary>
public sealed class IpInterfaceReadTests(IpInterfaceTopology topology) : IClassFixture<IpInterfaceTopology>
{
    private TestNetns Ns => topology.Ns;

    [RootFact]
    public void Table_Unspecified_HasARowForEachInterfaceAndFamilyTheKernelHas_EveryFieldAsTheKernelSays()
    {
        var before = IpInterfaceOracle.Read(Ns);
        MibIpInterfaceRow[] rows;
        using (Ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
            using (table) rows = table!.AsSpan().ToArray();
        }
        var after = IpInterfaceOracle.Read(Ns);

        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            var expected = before.Links.Keys.Where(n => before.HasRow(family, n)).Select(before.IndexOf).Order();
            Assert.Equal(expected, rows.Where(r => r.Family == family).Select(r => r.InterfaceIndex).Order());
        }
        foreach (var row in rows) before.AssertRow(row, after);
        // IPv4 rows first, then IPv6 rows.
        Assert.Equal(rows.OrderBy(r => r.Family == AddressFamily.InterNetworkV6).Select(r => r.Family), rows.Select(r => r.Family));
    }

    [RootFact]
    public void Table_OneFamily_HasOnlyThatFamilysRows_AsTheUnspecifiedTableHasThem()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var all));
        using (all)
        {
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(family, out var table));
                using (table)
                {
                    Assert.All(table!, r => Assert.Equal(family, r.Family));
                    Assert.Equal(all!.Where(r => r.Family == family).Select(r => r.InterfaceIndex), table!.Select(r => r.InterfaceIndex));
                }
            }
        }
    }

    [RootFact]
    public void Table_InterfaceWithIpv6Disabled_OrMtuBelow1280_HasOnlyAnIpv4Row()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (table)
        {
            foreach (var name in new[] { "vx0", "vs0" })
            {
                var index = NetIo.if_nametoindex(name);
                Assert.Equal([AddressFamily.InterNetwork], table!.Where(r => r.InterfaceIndex == index).Select(r => r.Family));
            }
        }
    }

    [RootFact]
    public void Entry_ByIndex_EveryFieldAsTheKernelSays_ForEachInterfaceAndFamily()
    {
        var before = IpInterfaceOracle.Read(Ns);
        var rows = new List<MibIpInterfaceRow>();
        using (Ns.Enter())
        {
            foreach (var name in before.Links.Keys)
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var row = new MibIpInterfaceRow { Family = family, InterfaceIndex = before.IndexOf(name) };
                var status = NetIo.GetIpInterfaceEntry(ref row);
                Assert.True((before.HasRow(family, name) ? NetIoStatus.Success : NetIoStatus.NotFound) == status, $"{name} {family}: {status}");
                if (status == NetIoStatus.Success) rows.Add(row);
            }
        }
        var after = IpInterfaceOracle.Read(Ns);
        foreach (var row in rows) before.AssertRow(row, after);
    }

    [RootFact]
    public void Entry_EqualsItsTableRow_ExceptTheRedrawnReachableTime()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (table)
        {
            foreach (var tableRow in table!)
            {
                var row = new MibIpInterfaceRow { Family = tableRow.Family, InterfaceLuid = tableRow.InterfaceLuid };
                Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref row));
                row.ReachableTime = tableRow.ReachableTime;
                Assert.Equal(Bytes(tableRow), Bytes(row));
            }
        }
    }

    [RootFact]
    public void Rows_LuidAndIndex_AreThoseOfGetIfTable2()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfTable2(out var interfaces));
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (interfaces)
        using (table)
        {
            var luids = interfaces!.ToDictionary(r => r.InterfaceIndex, r => r.InterfaceLuid);
            foreach (var row in table!) Assert.Equal(luids[row.InterfaceIndex], row.InterfaceLuid);
        }
    }

    [RootFact]
    public void Rows_Connected_IsGetIfTable2sMediaConnectState()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfTable2(out var interfaces));
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (interfaces)
        using (table)
        {
            var media = interfaces!.ToDictionary(r => r.InterfaceIndex, r => r.MediaConnectState);
            Assert.Contains(table!, r => !r.Connected);
            foreach (var row in table!)
                Assert.Equal(media[row.InterfaceIndex] == NetIfMediaConnectState.MediaConnectStateConnected, row.Connected);
        }
    }

    [RootFact]
    public void Rows_CoverTheCasesTheTopologyWasBuiltFor()
    {
        using var scope = Ns.Enter();
        MibIpInterfaceRow Row(string name, AddressFamily family)
        {
            var row = new MibIpInterfaceRow { Family = family, InterfaceIndex = NetIo.if_nametoindex(name) };
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref row));
            return row;
        }

        var v1 = Row("v1", AddressFamily.InterNetworkV6);
        Assert.Equal(3u, v1.DadTransmits);
        Assert.True(v1.DisableDefaultRoutes);
        Assert.Equal(1400u, v1.NlMtu);
        Assert.Equal(15000u, v1.BaseReachableTime);
        Assert.Equal(BitConverter.ToUInt64([0, 1, 0, 2, 0, 3, 0, 4]), v1.InterfaceIdentifier);
        Assert.True(Row("v1", AddressFamily.InterNetwork).ForwardingEnabled);
        Assert.Equal(NlLinkLocalAddressBehavior.LinkLocalAlwaysOff, Row("vn0", AddressFamily.InterNetworkV6).LinkLocalAddressBehavior);
        Assert.Equal(0UL, Row("vn0", AddressFamily.InterNetworkV6).InterfaceIdentifier);
        Assert.Equal(0u, Row("vn1", AddressFamily.InterNetworkV6).DadTransmits);
        Assert.False(Row("tun0", AddressFamily.InterNetworkV6).SupportsNeighborDiscovery);
        Assert.NotEqual(NlInterfaceOffloadRod.None, Row("v0", AddressFamily.InterNetworkV6).TransmitOffload & NlInterfaceOffloadRod.TlGiantSendOffloadSupported);
    }

    private static byte[] Bytes(MibIpInterfaceRow row) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<MibIpInterfaceRow>(in row)).ToArray();
}
