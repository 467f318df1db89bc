using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Cli;
using Xunit;
using static IpHelper.Tests.Kernel.Routes.RouteTestData;

namespace IpHelper.Tests.Kernel.Routes;

public sealed class RouteCliTests(RouteTopology topology) : IClassFixture<RouteTopology>
{
    [RootFact]
    public void RouteListJson_IsAnArrayOfRowsWithTheMibFieldNames()
    {
        var (exit, output, error) = CliProcess.Run(null, "route", "list", "--json", "--family", "ipv4", "--netns", topology.Ns.Name);

        Assert.True(exit == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal(RouteOracle.Routes(topology.Ns, AddressFamily.InterNetwork, "main", "local").Count, rows.Length);
        var route = rows.Single(r => r.GetProperty("DestinationPrefix").GetString() == "203.0.113.0/26");
        Assert.Equal("198.51.100.2", route.GetProperty("NextHop").GetString());
        Assert.Equal(50, route.GetProperty("Metric").GetInt32());
        Assert.Equal("NetMgmt", route.GetProperty("Protocol").GetString());
        Assert.Equal("Manual", route.GetProperty("Origin").GetString());
        Assert.Equal(JsonValueKind.String, route.GetProperty("InterfaceLuid").ValueKind);
        Assert.Equal((int)RouteOracle.Index(topology.Ns, "v1"), route.GetProperty("InterfaceIndex").GetInt32());
        Assert.True(route.GetProperty("Immortal").GetBoolean());
        Assert.Equal(uint.MaxValue, route.GetProperty("ValidLifetime").GetUInt32());
    }

    [RootFact]
    public void RouteList_HumanOutput_HasTheGetNetRouteColumns()
    {
        var (exit, output, error) = CliProcess.Run(null, "route", "list", "--netns", topology.Ns.Name);

        Assert.True(exit == 0, error);
        Assert.StartsWith("ifIndex DestinationPrefix", output, StringComparison.Ordinal);
        Assert.Contains("RouteMetric ifMetric PolicyStore", output.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("::/0", output, StringComparison.Ordinal);
    }

    [RootFact]
    public void RouteListWithTable_ListsThatTable()
    {
        var (exit, output, error) = CliProcess.Run(null, "route", "list", "--table", "100", "--json", "--netns", topology.Ns.Name);

        Assert.True(exit == 0, error);
        var row = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal("203.0.113.224/27", row.GetProperty("DestinationPrefix").GetString());
    }

    [RootFact]
    public void RouteShow_PrefixWithSeveralNextHops_ListsEach()
    {
        var (exit, output, error) = CliProcess.Run(null, "route", "show", "203.0.113.64/26", "--json", "--netns", topology.Ns.Name);

        Assert.True(exit == 0, error);
        Assert.Equal(2, JsonDocument.Parse(output).RootElement.GetArrayLength());
    }

    [RootFact]
    public void RouteGetJson_IsTheBestRouteAndTheBestSourceAddress()
    {
        var (exit, output, error) = CliProcess.Run(null, "route", "get", "203.0.113.5", "--json", "--netns", topology.Ns.Name);

        Assert.True(exit == 0, error);
        var document = JsonDocument.Parse(output).RootElement;
        Assert.Equal("203.0.113.0/26", document.GetProperty("BestRoute").GetProperty("DestinationPrefix").GetString());
        Assert.Equal("198.51.100.1", document.GetProperty("BestSourceAddress").GetString());
    }

    /// <summary>
    /// Run inside the namespace (not through --netns), a lookup goes through the process's kept
    /// interface facts (the context's LinkDirectory) and agrees with <c>ip route get</c>.
    /// </summary>
    [RootFact]
    public void RouteGet_InTheProcessNamespace_MatchesIpRouteGetForEachDestination()
    {
        string[] destinations = ["203.0.113.5", "192.0.2.77", "2001:db8:1::5", "127.0.0.1"];
        foreach (var destination in destinations)
        {
            var output = topology.Ns.Exec("dotnet", CliProcess.CliPath(), "route", "get", destination, "--json");
            var route = JsonDocument.Parse(output).RootElement.GetProperty("BestRoute");
            var expected = topology.Ns.IpJson("route", "get", destination)[0];
            var device = expected.GetProperty("dev").GetString()!;
            var index = RouteOracle.Index(topology.Ns, device);
            Assert.Equal(index, route.GetProperty("InterfaceIndex").GetUInt32());
            Assert.Equal(index, (uint)((route.GetProperty("InterfaceLuid").UInt64() >> 24) & 0xFFFFFF));
        }
    }

    [RootFact]
    public void RouteGet_Unreachable_ExitsWithTheStatusOnStandardError()
    {
        var (exit, _, error) = CliProcess.Run(null, "route", "get", "203.0.113.130", "--netns", topology.Ns.Name);

        Assert.Equal(1, exit);
        Assert.StartsWith("iphelper: NetworkUnreachable (1231):", error, StringComparison.Ordinal);
    }

    [RootFact]
    public void RouteAddSetDelete_ChangeTheKernelTable()
    {
        using var ns = TwoInterfaces();

        var add = CliProcess.Run(null, "route", "add", "203.0.113.0/24", "--next-hop", "192.0.2.9", "--metric", "7", "--netns", ns.Name);
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Equal("v0", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.0/24").Single(), "dev"));

        var set = CliProcess.Run(null, "route", "set", "203.0.113.0/24", "--next-hop", "192.0.2.9", "--interface", "v0", "--metric", "70", "--netns", ns.Name);
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Equal("70", RouteOracle.Text(RouteOracle.Show(ns, "203.0.113.0/24").Single(), "metric"));

        var delete = CliProcess.Run(null, "route", "delete", "203.0.113.0/24", "--next-hop", "192.0.2.9", "--interface", "v0", "--netns", ns.Name);
        Assert.True(delete.ExitCode == 0, delete.Error);
        Assert.Empty(RouteOracle.Show(ns, "203.0.113.0/24"));
    }

    [RootFact]
    public void RouteDelete_NoSuchRoute_ExitsWithNotFoundAndChangesNothing()
    {
        using var ns = TwoInterfaces();
        var before = Snapshot(ns);

        var (exit, _, error) = CliProcess.Run(null, "route", "delete", "203.0.113.0/24", "--interface", "v0", "--netns", ns.Name);

        Assert.Equal(1, exit);
        Assert.StartsWith("iphelper: NotFound (1168):", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(ns));
    }
}
