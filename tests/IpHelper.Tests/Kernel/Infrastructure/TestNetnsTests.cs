using System.Text.Json;
using Xunit;

namespace IpHelper.Tests.Kernel.Infrastructure;

public sealed class TestNetnsTests
{
    [RootFact]
    public void Helpers_BuildEveryLinkKind_InTheTestNamespaceOnly()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();

        a.ConnectVeth(b, "iph-a0", "iph-b0");
        a.AddVeth("iph-v0", "iph-v1");
        a.AddBridge("iph-br0", "iph-v1");
        a.AddMacvlan("iph-mv0", "iph-v0");
        a.AddAddress("iph-a0", "192.0.2.1/24");
        a.AddAddress("iph-a0", "2001:db8::1/64", "nodad");
        a.AddVxlan("iph-vx0", 42, parent: "iph-a0", local: "192.0.2.1");
        a.AddTun("iph-tun0");
        a.AddIfb("iph-ifb0");

        Dictionary<string, JsonElement> links = a.IpJson("-d", "link", "show").EnumerateArray()
            .ToDictionary(link => link.GetProperty("ifname").GetString()!);
        Assert.Equal("veth", Kind(links["iph-a0"]));
        Assert.Equal("bridge", Kind(links["iph-br0"]));
        Assert.Equal("iph-br0", links["iph-v1"].GetProperty("master").GetString());
        Assert.Equal("macvlan", Kind(links["iph-mv0"]));
        Assert.Equal("vxlan", Kind(links["iph-vx0"]));
        Assert.Equal("tun", Kind(links["iph-tun0"]));
        Assert.Equal("ifb", Kind(links["iph-ifb0"]));
        Assert.Contains("iph-b0", b.IpJson("link", "show").EnumerateArray().Select(link => link.GetProperty("ifname").GetString()));

        string[] addresses = [.. a.IpJson("address", "show", "dev", "iph-a0").EnumerateArray()
            .SelectMany(link => link.GetProperty("addr_info").EnumerateArray())
            .Select(address => address.GetProperty("local").GetString()!)];
        Assert.Contains("192.0.2.1", addresses);
        Assert.Contains("2001:db8::1", addresses);

        Assert.DoesNotContain("iph-a0", File.ReadAllText("/proc/thread-self/net/dev"), StringComparison.Ordinal);
    }

    private static string? Kind(JsonElement link) => link.GetProperty("linkinfo").GetProperty("info_kind").GetString();

    [RootTheory]
    [InlineData("10.0.0.1/8")]
    [InlineData("8.8.8.8/32")]
    [InlineData("2001:4860::1/64")]
    [InlineData("not-an-address")]
    public void AddAddress_OutsideDocumentationAndLinkLocal_IsRefused(string prefix)
    {
        using var ns = new TestNetns();

        Assert.Throws<ArgumentException>(() => ns.AddAddress("lo", prefix));
    }

    [RootFact]
    public void Sysctl_ReadsAndWritesTheNamespaceOnly()
    {
        using var ns = new TestNetns();
        string host = File.ReadAllText("/proc/sys/net/ipv4/conf/lo/forwarding").Trim();
        string changed = host == "1" ? "0" : "1";

        ns.SetSysctl("net.ipv4.conf.lo.forwarding", changed);

        Assert.Equal(changed, ns.Sysctl("net.ipv4.conf.lo.forwarding"));
        Assert.Equal(host, File.ReadAllText("/proc/sys/net/ipv4/conf/lo/forwarding").Trim());
    }

    [RootTheory]
    [InlineData("bridge")]
    [InlineData("ifb")]
    [InlineData("dummy")]
    [InlineData("vrf", "table", "10")]
    public void SkipUnlessLinkKind_KindTheKernelHas_CanBeCreated(string kind, params string[] options)
    {
        using var ns = new TestNetns();

        ns.SkipUnlessLinkKind(kind);
        ns.AddLink("iph-k0", kind, options);

        Assert.Equal(kind, Kind(ns.IpJson("-d", "link", "show", "iph-k0")[0]));
    }

    [RootFact]
    public void Dispose_DeletesTheNamespace_AndIsIdempotent()
    {
        var ns = new TestNetns();
        Assert.True(File.Exists("/run/netns/" + ns.Name));

        ns.Dispose();
        ns.Dispose();

        Assert.False(File.Exists("/run/netns/" + ns.Name));
        Assert.DoesNotContain(ns.Name, Command.Run("ip", "netns", "list"), StringComparison.Ordinal);
    }

    [RootFact]
    public void Dispose_OfANamespaceWhoseMetricFileWasNeverWritten_DeletesTheNamespace()
    {
        var ns = new TestNetns();
        string file = ns.MetricStoreFile;
        Assert.False(File.Exists(file));

        ns.Dispose();

        Assert.False(File.Exists("/run/netns/" + ns.Name));
    }

    [RootFact]
    public void Dispose_OfANamespaceWhereATestSetAMetric_DeletesTheNamespaceAndItsMetricFile()
    {
        var ns = new TestNetns();
        ns.AddVeth("cm7q", "cm7r");
        uint index = ns.IpJson("link", "show", "cm7q")[0].GetProperty("ifindex").GetUInt32();
        using (ns.Enter())
        {
            NetIo.InitializeIpInterfaceEntry(out var row);
            (row.Family, row.InterfaceIndex) = (System.Net.Sockets.AddressFamily.InterNetwork, index);
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref row));
            (row.UseAutomaticMetric, row.Metric) = (false, 4321);
            Assert.Equal(NetIoStatus.Success, NetIo.SetIpInterfaceEntry(ref row));
        }
        // Found by its content, without asking the fixture (which would then know the file for sure).
        string file = Assert.Single(Directory.EnumerateFiles("/run/iphelper"), f => File.ReadAllLines(f).Contains($"inet {index} cm7q 4321"));

        ns.Dispose();

        Assert.False(File.Exists("/run/netns/" + ns.Name));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void CleanupAll_RunsEveryStepAfterAFailure_AndReportsEachFailure()
    {
        var ran = new List<int>();

        var single = Assert.Throws<InvalidOperationException>(() => Cleanup.All(
            () => throw new InvalidOperationException("first"), () => ran.Add(2)));
        var several = Assert.Throws<AggregateException>(() => Cleanup.All(
            () => throw new InvalidOperationException("a"), () => ran.Add(3), () => throw new IOException("b"), () => ran.Add(4)));

        Assert.Equal("first", single.Message);
        Assert.Equal([2, 3, 4], ran);
        Assert.Equal(["a", "b"], several.InnerExceptions.Select(e => e.Message));
    }
}
