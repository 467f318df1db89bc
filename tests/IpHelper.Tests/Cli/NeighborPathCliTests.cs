using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Neighbors;
using IpHelper.Tests.Kernel.Paths;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>`iphelper neighbor ...` and `iphelper path ...` run as a process, the way scripts use them, against <c>ip -j</c>.</summary>
public sealed class NeighborPathCliTests
{
    private static JsonElement Json(params string[] args) => CliProcess.Run(args).Json();

    [RootFact]
    public void NeighborList_Json_HasTheEntriesOfIpNeigh()
    {
        using var lab = new NeighborLab();
        NeighborTableTests.PopulateEveryState(lab);

        var rows = Json("neighbor", "list", "--json", "--family", "ipv4", "--netns", lab.A.Name).EnumerateArray().ToArray();
        foreach (var entry in NeighborLab.IpNeighbors(lab.A).Where(e => !e.GetProperty("dst").GetString()!.Contains(':')))
        {
            var dst = entry.GetProperty("dst").GetString();
            var row = Assert.Single(rows, r => r.GetProperty("Address").GetString() == dst);
            Assert.Equal(entry.TryGetProperty("lladdr", out var mac) ? mac.GetString() : "", row.GetProperty("PhysicalAddress").GetString());
            Assert.Equal(entry.TryGetProperty("router", out _), row.GetProperty("IsRouter").GetBoolean());
            Assert.Equal(NeighborLab.IndexOf(lab.A, entry.GetProperty("dev").GetString()!), row.GetProperty("InterfaceIndex").GetUInt32());
        }
        Assert.Contains(rows, r => r.GetProperty("State").GetString() == "Reachable");
        Assert.Contains(rows, r => r.GetProperty("State").GetString() == "Unreachable" && r.GetProperty("IsUnreachable").GetBoolean());
    }

    [RootFact]
    public void NeighborResolve_PrintsThePeersMac_AndAddThenAddAgainFailsWithTheStatus()
    {
        using var lab = new NeighborLab();

        var resolved = Json("neighbor", "resolve", NeighborLab.B4, "--interface", NeighborLab.AtoB, "--json", "--netns", lab.A.Name);
        Assert.Equal(NeighborLab.MacOf(lab.B, NeighborLab.BtoA), resolved[0].GetProperty("PhysicalAddress").GetString());

        Assert.Equal(0, CliProcess.Run("neighbor", "add", "192.0.2.60", "--interface", NeighborLab.AtoB, "--lladdr", "02:00:5e:00:00:60", "--router", "--netns", lab.A.Name).ExitCode);
        var entry = NeighborLab.IpNeighbors(lab.A, "192.0.2.60").Single();
        Assert.Equal("02:00:5e:00:00:60", entry.GetProperty("lladdr").GetString());
        Assert.True(entry.TryGetProperty("router", out _));

        var again = CliProcess.Run("neighbor", "add", "192.0.2.60", "--interface", NeighborLab.AtoB, "--lladdr", "02:00:5e:00:00:61", "--netns", lab.A.Name);
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("iphelper: ObjectAlreadyExists (5010):", again.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, CliProcess.Run("neighbor", "delete", "192.0.2.60", "--interface", NeighborLab.AtoB, "--netns", lab.A.Name).ExitCode);
        Assert.Empty(NeighborLab.IpNeighbors(lab.A, "192.0.2.60"));
    }

    [RootFact]
    public void PathList_Json_ShowsThePmtuException_AndPathFlushRemovesIt()
    {
        using var lab = new PathLab();
        lab.CreatePmtuException(PathLab.C6);

        var row = Assert.Single(Json("path", "list", "--json", "--netns", lab.A.Name).EnumerateArray(), r => r.GetProperty("Destination").GetString() == PathLab.C6);
        Assert.Equal(PathLab.SmallMtu, row.GetProperty("PathMtu").GetUInt32());
        Assert.Equal(PathLab.R6, row.GetProperty("CurrentNextHop").GetString());

        Assert.Equal(0, CliProcess.Run("path", "flush", "--family", "ipv6", "--netns", lab.A.Name).ExitCode);

        Assert.Empty(lab.Cache(System.Net.Sockets.AddressFamily.InterNetworkV6));
        Assert.Equal(0, Json("path", "list", "--json", "--family", "ipv6", "--netns", lab.A.Name).GetArrayLength());
    }
}
