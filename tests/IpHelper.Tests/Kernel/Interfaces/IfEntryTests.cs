using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

public sealed class IfEntryTests(InterfaceTopology topology) : IClassFixture<InterfaceTopology>
{
    [RootFact]
    public void GetIfEntry2_ByIndex_FillsTheRowOfIpLink_AndKeepsTheIndex()
    {
        foreach (var link in IpLink.List(topology.A))
        {
            var row = new MibIfRow2 { InterfaceIndex = link.Index };

            var status = Get(ref row);
            var after = IpLink.Show(topology.A, link.Name);

            Assert.Equal(NetIoStatus.Success, status);
            Assert.Equal(link.Index, row.InterfaceIndex);
            IfRowAssert.MatchesExceptCounters(link, row, IfRowAssert.Driver(topology.A, link.Name));
            IfRowAssert.CountersBetween(link.Name, link.Stats!, row, after.Stats!);
        }
    }

    [RootFact]
    public void GetIfEntry2_ByLuid_FillsTheRowOfIpLink()
    {
        foreach (var link in IpLink.List(topology.A))
        {
            var row = new MibIfRow2 { InterfaceLuid = new NetLuid(DocumentedMapping.LuidValue(link)) };

            Assert.Equal(NetIoStatus.Success, Get(ref row));

            IfRowAssert.MatchesExceptCounters(link, row, IfRowAssert.Driver(topology.A, link.Name));
        }
    }

    [RootFact]
    public void GetIfEntry2_LuidAndIndexOfDifferentInterfaces_TheLuidWins()
    {
        var veth = IpLink.Show(topology.A, "veth0");
        var bridge = IpLink.Show(topology.A, "br0");
        var row = new MibIfRow2 { InterfaceLuid = new NetLuid(DocumentedMapping.LuidValue(veth)), InterfaceIndex = bridge.Index };

        Assert.Equal(NetIoStatus.Success, Get(ref row));

        Assert.Equal("veth0", row.Alias);
        Assert.Equal(veth.Index, row.InterfaceIndex);
    }

    [RootFact]
    public void GetIfEntry2_UnknownLuidWithAValidIndex_ReturnsFileNotFound_TheIndexIsNotAFallback()
    {
        var veth = IpLink.Show(topology.A, "veth0");
        var row = new MibIfRow2 { InterfaceLuid = new NetLuid(veth.Index, (ushort)IfType.Tunnel), InterfaceIndex = veth.Index };
        var original = row;

        Assert.Equal(NetIoStatus.FileNotFound, Get(ref row));

        Assert.Equal(IfRowAssert.WithoutCounters(original), IfRowAssert.WithoutCounters(row));
    }

    /// <summary>Windows' GetIfEntry2(NULL) has no C# counterpart: the row is passed by reference.</summary>
    [RootFact]
    public void GetIfEntry2_ZeroLuidAndIndex_ReturnsInvalidParameter_AndLeavesTheRow()
    {
        var row = new MibIfRow2 { Mtu = 1234, Alias = "sentinel", InOctets = 42 };
        var original = row;

        KernelState.AssertUnchangedBy(topology.A, () => Assert.Equal(NetIoStatus.InvalidParameter, Get(ref row)));

        Assert.Equal(IfRowAssert.WithoutCounters(original), IfRowAssert.WithoutCounters(row));
        Assert.Equal(42UL, row.InOctets);
        using var scope = topology.A.Enter();
        NetIo.GetIfEntry2(ref row);
        Assert.Equal((NetIoStatus.InvalidParameter, "InterfaceLuid"), (NetIo.LastErrorDetail?.Status, NetIo.LastErrorDetail?.Argument));
    }

    [RootTheory]
    [InlineData(9999u)]
    [InlineData(0x7FFF_FFFFu)]
    [InlineData(0x8000_0000u)]
    [InlineData(uint.MaxValue)]
    public void GetIfEntry2_UnknownIndex_ReturnsFileNotFound_AndLeavesTheRow(uint index)
    {
        var row = new MibIfRow2 { InterfaceIndex = index, Mtu = 1234, Alias = "sentinel" };
        var original = row;

        KernelState.AssertUnchangedBy(topology.A, () => Assert.Equal(NetIoStatus.FileNotFound, Get(ref row)));

        Assert.Equal(IfRowAssert.WithoutCounters(original), IfRowAssert.WithoutCounters(row));
    }

    [RootFact]
    public void GetIfEntry2_UnknownLuid_ReturnsFileNotFound_AndLeavesTheRow()
    {
        var lo = IpLink.Show(topology.A, "lo");
        var loLuid = DocumentedMapping.LuidValue(lo);
        NetLuid[] unknown =
        [
            new(ulong.MaxValue),
            new(9999, (ushort)IfType.EthernetCsmacd),
            new(lo.Index, (ushort)IfType.EthernetCsmacd), // the right index with the wrong type
            new(loLuid | 1), // the right index and type with reserved bits set
        ];

        KernelState.AssertUnchangedBy(topology.A, () =>
        {
            foreach (var luid in unknown)
            {
                var row = new MibIfRow2 { InterfaceLuid = luid, Mtu = 1234 };
                var original = row;
                Assert.Equal(NetIoStatus.FileNotFound, Get(ref row));
                Assert.Equal(IfRowAssert.WithoutCounters(original), IfRowAssert.WithoutCounters(row));
            }
        });
    }

    private NetIoStatus Get(ref MibIfRow2 row)
    {
        using var scope = topology.A.Enter();
        return NetIo.GetIfEntry2(ref row);
    }
}
