using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Cli;
using Xunit;

namespace IpHelper.Tests.Release;

/// <summary>
/// Checks what a packaged iphelper (native or installed tool) prints for the loopback interface against
/// <c>ip -j link show lo</c>. Only reads the host namespace, which every user may do.
/// </summary>
internal static class LoopbackOracle
{
    private const ulong SoftwareLoopbackIfType = 24;

    /// <summary><c>iphelper luid lo --json</c>: one row whose index, alias and LUID are the kernel's loopback.</summary>
    public static void AssertLuid(Dotnet.Result result)
    {
        var row = Assert.Single(ParseArray(result).EnumerateArray());
        var index = LoopbackIndex();
        Assert.Equal("lo", row.GetProperty("InterfaceAlias").GetString());
        Assert.Equal(index, row.GetProperty("InterfaceIndex").GetUInt32());
        Assert.Equal(SoftwareLoopbackIfType << 48 | (ulong)index << 24, row.GetProperty("InterfaceLuid").UInt64());
    }

    /// <summary><c>iphelper interface list --json</c>: an array of MIB_IF_ROW2 objects holding the kernel's loopback.</summary>
    public static void AssertInterfaceList(Dotnet.Result result)
    {
        var rows = ParseArray(result);
        var loopback = Assert.Single(rows.EnumerateArray(), row => row.GetProperty("Alias").GetString() == "lo");
        Assert.Equal(LoopbackIndex(), loopback.GetProperty("InterfaceIndex").GetUInt32());
        Assert.Equal(SoftwareLoopbackIfType, loopback.GetProperty("Type").GetUInt64());
    }

    private static JsonElement ParseArray(Dotnet.Result result)
    {
        Assert.True(result.ExitCode == 0, $"{result.CommandLine} exited {result.ExitCode}: {result.Stderr}");
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    private static uint LoopbackIndex()
    {
        using var link = JsonDocument.Parse(Command.Run("ip", "-j", "link", "show", "lo"));
        return link.RootElement[0].GetProperty("ifindex").GetUInt32();
    }
}
