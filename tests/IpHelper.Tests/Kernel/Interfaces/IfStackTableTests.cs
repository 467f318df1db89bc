using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

public sealed class IfStackTableTests(InterfaceTopology topology) : IClassFixture<InterfaceTopology>
{
    [RootFact]
    public void GetIfStackTable_HasTheRelationsOfIpLink_AndTheRfc2863EndRows()
    {
        var expected = StackOracle.Expected(IpLink.List(topology.A));

        var rows = Stack();

        Assert.Equal(expected, rows.Order());
    }

    [RootFact]
    public void GetIfStackTable_BridgePortsMacvlanVxlan_SitOnTheirLowerDevices_VethPeersDoNot()
    {
        var index = IpLink.List(topology.A).ToDictionary(l => l.Name, l => l.Index);

        var rows = Stack();

        Assert.Contains((index["br0"], index["vb0"]), rows);
        Assert.Contains((index["br0"], index["vb1"]), rows);
        Assert.Contains((index["vb0"], 0u), rows);
        Assert.DoesNotContain((0u, index["vb0"]), rows);
        Assert.Contains((0u, index["br0"]), rows);
        Assert.DoesNotContain((index["br0"], 0u), rows);
        // vb0p's IFLA_LINK is its peer vb0 in this namespace; veth0's is veth1 in the other one.
        Assert.DoesNotContain(rows, r => r.Higher == index["vb0p"] && r.Lower != 0);
        Assert.DoesNotContain(rows, r => r.Higher == index["veth0"] && r.Lower != 0);
        Assert.Contains((0u, index["lo"]), rows);
        Assert.Contains((index["lo"], 0u), rows);
        if (index.TryGetValue("mv0", out var macvlan)) Assert.Contains((macvlan, index["veth0"]), rows);
        if (index.TryGetValue("vx0", out var vxlan)) Assert.Contains((vxlan, index["veth0"]), rows);
    }

    [RootFact]
    public void GetIfStackTable_MacvlanAndVxlan_NeedTheirKinds()
    {
        topology.SkipUnless("macvlan");
        topology.SkipUnless("vxlan");
        var index = IpLink.List(topology.A).ToDictionary(l => l.Name, l => l.Index);

        var rows = Stack();

        Assert.DoesNotContain((0u, index["veth0"]), rows);
        Assert.Equal([(index["mv0"], index["veth0"]), (index["vx0"], index["veth0"])], rows.Where(r => r.Lower == index["veth0"]).Order());
    }

    [RootFact]
    public void GetInvertedIfStackTable_HasTheSameRelations_LowerFirst_SortedByLowerThenHigher()
    {
        var expected = StackOracle.Expected(IpLink.List(topology.A));

        List<(uint Lower, uint Higher)> rows;
        using (topology.A.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetInvertedIfStackTable(out var table));
            using (table) rows = [.. table!.Select(r => (r.LowerLayerInterfaceIndex, r.HigherLayerInterfaceIndex))];
        }

        Assert.Equal(expected.Select(r => (r.Lower, r.Higher)).Order(), rows);
    }

    [RootFact]
    public void GetIfStackTable_AfterALinkChangesMaster_ShowsTheNewLayering()
    {
        using var ns = new TestNetns();
        ns.AddVeth("iph-p0", "iph-p1");
        ns.AddBridge("iph-br0");
        ns.AddBridge("iph-br1");
        ns.Ip("link", "set", "iph-p0", "master", "iph-br0");
        var first = StackIn(ns);
        ns.Ip("link", "set", "iph-p0", "master", "iph-br1");

        var second = StackIn(ns);

        var index = IpLink.List(ns).ToDictionary(l => l.Name, l => l.Index);
        Assert.Contains((index["iph-br0"], index["iph-p0"]), first);
        Assert.Contains((index["iph-br1"], index["iph-p0"]), second);
        Assert.DoesNotContain((index["iph-br0"], index["iph-p0"]), second);
        Assert.Equal(StackOracle.Expected(IpLink.List(ns)), second.Order());
    }

    private List<(uint Higher, uint Lower)> Stack() => StackIn(topology.A);

    private static List<(uint Higher, uint Lower)> StackIn(TestNetns ns)
    {
        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfStackTable(out var table));
        using (table) return [.. table!.Select(r => (r.HigherLayerInterfaceIndex, r.LowerLayerInterfaceIndex))];
    }
}
