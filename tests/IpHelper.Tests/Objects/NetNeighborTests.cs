using System.Net;
using System.Net.NetworkInformation;
using IpHelper.Objects;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Objects;

public sealed class NetNeighborTests
{
    [RootFact]
    public void CreateGetSetRemove_AreSeenByIp()
    {
        using var ns = NetRouteTests.Lab();
        using (ns.Enter())
        {
            var created = NetNeighbor.Create(IPAddress.Parse("192.0.2.50"), PhysicalAddress.Parse("02-00-00-00-00-50"), NetLuidExtensions.FromAlias("v0"));
            Assert.Equal(NeighborState.Permanent, created.State);
            Assert.Equal("02:00:00:00:00:50", Entry(ns, "192.0.2.50").GetProperty("lladdr").GetString());
            Assert.Contains(NetNeighbor.Get(IPAddressFamily.IPv4), n => n.IPAddress.Equals(IPAddress.Parse("192.0.2.50")) && n.InterfaceAlias == "v0");

            var changed = created.Set(PhysicalAddress.Parse("02-00-00-00-00-51"));
            Assert.Equal("02-00-00-00-00-51", NetAdapter.FormatMac(changed.LinkLayerAddress));
            Assert.Equal("02:00:00:00:00:51", Entry(ns, "192.0.2.50").GetProperty("lladdr").GetString());

            changed.Remove();
            Assert.DoesNotContain(ns.IpJson("neigh").EnumerateArray(), e => e.GetProperty("dst").GetString() == "192.0.2.50");
        }
    }

    [RootFact]
    public async Task ResolveAsync_AnswersWithThePeersMac()
    {
        using var ns = new TestNetns();
        using var peer = new TestNetns();
        ns.ConnectVeth(peer, "v0", "p0");
        ns.AddAddress("v0", "192.0.2.1/24");
        peer.AddAddress("p0", "192.0.2.2/24");
        var mac = peer.IpJson("link", "show", "p0").EnumerateArray().Single().GetProperty("address").GetString();

        NetNeighbor neighbor;
        using (ns.Enter()) neighbor = await NetNeighbor.ResolveAsync(IPAddress.Parse("192.0.2.2"), NetLuidExtensions.FromAlias("v0"), TestContext.Current.CancellationToken);

        Assert.Equal(mac, neighbor.LinkLayerAddress.ToString().ToLowerInvariant().Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + ":" + b));
        Assert.Equal(NeighborState.Reachable, neighbor.State);
    }

    [RootFact]
    public async Task ResolveAsync_NobodyThere_ThrowsWithStatus()
    {
        using var ns = NetRouteTests.Lab();
        using (ns.Enter())
        {
            var e = await Assert.ThrowsAsync<NetIoException>(() => NetNeighbor.ResolveAsync(IPAddress.Parse("192.0.2.77"), NetLuidExtensions.FromAlias("v0"), TestContext.Current.CancellationToken));
            Assert.NotEqual(NetIoStatus.Success, e.Status);
        }
    }

    private static System.Text.Json.JsonElement Entry(TestNetns ns, string address) =>
        ns.IpJson("neigh").EnumerateArray().Single(e => e.GetProperty("dst").GetString() == address);
}
