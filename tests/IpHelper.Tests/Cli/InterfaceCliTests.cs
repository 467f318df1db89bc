using System.Text;
using System.Text.Json;
using IpHelper.Linux;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Interfaces;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>`iphelper interface list | show | stack` and `iphelper luid`, run as processes, against ip -j link.</summary>
public sealed class InterfaceCliTests(InterfaceTopology topology) : IClassFixture<InterfaceTopology>
{
    private string Netns => topology.A.Name;

    [RootFact]
    public void InterfaceList_Json_IsAnArrayOfTheRowsOfIpLink_InTheContractsShape()
    {
        var before = IpLink.List(topology.A);
        var rows = CliProcess.Run("interface", "list", "--json", "--netns", Netns).Json();
        var after = IpLink.List(topology.A).ToDictionary(l => l.Index);

        Assert.Equal(JsonValueKind.Array, rows.ValueKind);
        Assert.Equal(before.Select(l => l.Index).Order(), rows.EnumerateArray().Select(r => r.GetProperty("InterfaceIndex").GetUInt32()).Order());
        foreach (var link in before)
        {
            var row = rows.EnumerateArray().Single(r => r.GetProperty("InterfaceIndex").GetUInt32() == link.Index);
            AssertRow(link, row);
            var stats = (Before: link.Stats!, After: after[link.Index].Stats!);
            Assert.InRange(row.GetProperty("InOctets").UInt64(), stats.Before.RxBytes, stats.After.RxBytes);
            Assert.InRange(row.GetProperty("OutOctets").UInt64(), stats.Before.TxBytes, stats.After.TxBytes);
            Assert.InRange(row.GetProperty("OutUcastPkts").UInt64(), stats.Before.TxPackets, stats.After.TxPackets);
        }
    }

    /// <summary>
    /// `interface list --json` writes its rows by hand (IfJsonText): its text must be exactly what Utf8JsonWriter
    /// writes for the same document, and each row the very object `interface show` (Utf8JsonWriter) writes,
    /// names that need escaping ('+', '"', '\\', non-ASCII) and an alias with HTML characters included.
    /// </summary>
    [RootFact]
    public void InterfaceListJson_IsUtf8JsonWritersText_AndTheRowsInterfaceShowWrites()
    {
        using var ns = new TestNetns();
        ns.Ip("link", "add", "iph+\u00fc0", "type", "ifb");
        ns.Ip("link", "add", "a\"b\\c", "type", "ifb");
        ns.Ip("link", "set", "dev", "iph+\u00fc0", "alias", "x<y>&z \"q\" \u00e9");

        var list = CliProcess.Run("interface", "list", "--json", "--netns", ns.Name);

        Assert.Equal(0, list.ExitCode);
        Assert.Equal(CliJson.Utf8JsonWritersText(list.Stdout), list.Stdout);
        var rows = list.Json().EnumerateArray().ToArray();
        Assert.Equal(3, rows.Length);
        foreach (var row in rows)
        {
            var index = row.GetProperty("InterfaceIndex").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shown = CliProcess.Run("interface", "show", index, "--json", "--netns", ns.Name).Json().EnumerateArray().Single();
            Assert.Equal(shown.GetRawText(), row.GetRawText());
        }
    }

    [RootFact]
    public void InterfaceList_NoStatistics_PrintsZeroCounters()
    {
        var rows = CliProcess.Run("interface", "list", "--no-statistics", "--json", "--netns", Netns).Json();

        Assert.NotEmpty(rows.EnumerateArray());
        foreach (var row in rows.EnumerateArray())
        {
            Assert.Equal(0UL, row.GetProperty("InOctets").UInt64());
            Assert.Equal(0UL, row.GetProperty("OutOctets").UInt64());
        }
    }

    [RootFact]
    public void InterfaceList_Text_IsAGetNetAdapterTable_WithEveryInterface()
    {
        var result = CliProcess.Run("interface", "list", "--netns", Netns);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Name", "InterfaceDescription", "ifIndex", "Status", "MacAddress", "LinkSpeed"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var link in IpLink.List(topology.A))
            Assert.Contains(lines.Skip(2), line => line.StartsWith(link.Name + " ", StringComparison.Ordinal) && line.Contains($" {link.Index} ", StringComparison.Ordinal));
    }

    [RootFact]
    public void InterfaceShow_EveryIdentifierForm_PrintsAnArrayOfThatOneRow()
    {
        var link = IpLink.Show(topology.A, "veth0");
        foreach (var form in IdentifierForms(link))
        {
            var rows = CliProcess.Run("interface", "show", form, "--json", "--netns", Netns).Json();

            Assert.Equal(JsonValueKind.Array, rows.ValueKind);
            AssertRow(link, Assert.Single(rows.EnumerateArray()));
        }
    }

    [RootFact]
    public void Luid_EveryIdentifierForm_PrintsEveryIdentifier()
    {
        var link = IpLink.Show(topology.A, "br0");
        var type = DocumentedMapping.Type(link);
        foreach (var form in IdentifierForms(link))
        {
            var row = Assert.Single(CliProcess.Run("luid", form, "--json", "--netns", Netns).Json().EnumerateArray());

            Assert.Equal(DocumentedMapping.LuidValue(link), row.GetProperty("InterfaceLuid").UInt64());
            Assert.Equal(link.Index, row.GetProperty("InterfaceIndex").GetUInt32());
            Assert.Equal(link.Name, row.GetProperty("InterfaceAlias").GetString());
            Assert.Equal(Guid(link).ToString("B"), row.GetProperty("InterfaceGuid").GetString());
            Assert.Equal(DocumentedMapping.WindowsName(type, link.Index), row.GetProperty("InterfaceName").GetString());
            Assert.Equal(link.Index, row.GetProperty("NetLuidIndex").GetUInt32());
            Assert.Equal((uint)type, row.GetProperty("IfType").GetUInt32());
        }
    }

    [RootTheory]
    [InlineData("interface", "show", "nosuch0")]
    [InlineData("interface", "show", "9999")]
    [InlineData("interface", "show", "ethernet_9999")]
    [InlineData("interface", "show", "{00000001-0000-0000-0000-000000000000}")]
    [InlineData("luid", "nosuch0")]
    [InlineData("luid", "9999")]
    [InlineData("luid", "ethernet_1")]
    public void UnknownInterface_ExitsNonZero_AndStderrNamesFileNotFound(params string[] args)
    {
        var result = CliProcess.Run([.. args, "--json", "--netns", Netns]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FileNotFound (2)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout.Trim());
    }

    [RootFact]
    public void UnknownNamespace_ExitsNonZero_AndStderrNamesFileNotFound()
    {
        var result = CliProcess.Run("interface", "list", "--json", "--netns", "iph-no-such-namespace");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FileNotFound (2)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("iph-no-such-namespace", result.Stderr, StringComparison.Ordinal);
    }

    [RootFact]
    public void InterfaceStack_Json_HasTheRelationsOfIpLink()
    {
        var expected = StackOracle.Expected(IpLink.List(topology.A));

        var rows = CliProcess.Run("interface", "stack", "--json", "--netns", Netns).Json();

        Assert.Equal(expected, StackRows(rows).Order());
    }

    [RootFact]
    public void InterfaceStack_Inverted_HasTheSameRelations_SortedByLowerLayer()
    {
        var expected = StackOracle.Expected(IpLink.List(topology.A)).OrderBy(r => r.Lower).ThenBy(r => r.Higher);

        var rows = CliProcess.Run("interface", "stack", "--inverted", "--json", "--netns", Netns).Json();

        Assert.Equal(expected, StackRows(rows));
    }

    private static IEnumerable<string> IdentifierForms(IpLink link) =>
    [
        link.Name,
        DocumentedMapping.WindowsName(DocumentedMapping.Type(link), link.Index),
        link.Index.ToString(),
        DocumentedMapping.LuidValue(link).ToString(),
        Guid(link).ToString("B"),
        Guid(link).ToString("D"),
    ];

    /// <summary>The documented GUID: a version 5 UUID of the name (LinuxInterfaceGuidTests pins it to Python's uuid5).</summary>
    private static Guid Guid(IpLink link) => LinuxInterfaceGuid.FromName(Encoding.UTF8.GetBytes(link.Name));

    private static List<(uint Higher, uint Lower)> StackRows(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => (r.GetProperty("HigherLayerInterfaceIndex").GetUInt32(), r.GetProperty("LowerLayerInterfaceIndex").GetUInt32()))];

    /// <summary>
    /// A row of the JSON contract (docs/cli.md): MIB field names, NET_LUID as a decimal string, GUIDs
    /// as strings, MACs lower-case with colons, enums by member name without the type prefix.
    /// </summary>
    private void AssertRow(IpLink link, JsonElement row)
    {
        Assert.Equal(JsonValueKind.String, row.GetProperty("InterfaceLuid").ValueKind);
        Assert.Equal(DocumentedMapping.LuidValue(link), row.GetProperty("InterfaceLuid").UInt64());
        Assert.Equal(link.Index, row.GetProperty("InterfaceIndex").GetUInt32());
        Assert.Equal(link.Name, row.GetProperty("Alias").GetString());
        Assert.Equal(Guid(link).ToString("B"), row.GetProperty("InterfaceGuid").GetString());
        Assert.Equal(DocumentedMapping.Description(link, IfRowAssert.Driver(topology.A, link.Name)), row.GetProperty("Description").GetString());
        Assert.Equal(link.Address ?? "", row.GetProperty("PhysicalAddress").GetString());
        Assert.Equal(DocumentedMapping.MacBytes(link.Address).Length, row.GetProperty("PhysicalAddressLength").GetInt32());
        Assert.Equal(link.Mtu, row.GetProperty("Mtu").GetUInt32());
        Assert.Equal((uint)DocumentedMapping.Type(link), row.GetProperty("Type").GetUInt32());
        Assert.Equal(Name(DocumentedMapping.TunnelType(link), "TunnelType"), row.GetProperty("TunnelType").GetString());
        Assert.Equal(Name(DocumentedMapping.MediaType(link), "NdisMedium"), row.GetProperty("MediaType").GetString());
        Assert.Equal(Name(DocumentedMapping.AccessType(link), "NetIfAccess"), row.GetProperty("AccessType").GetString());
        Assert.Equal(Name(DocumentedMapping.OperStatus(link), "IfOperStatus"), row.GetProperty("OperStatus").GetString());
        Assert.Equal(link.IsUp ? "Up" : "Down", row.GetProperty("AdminStatus").GetString());
        if (DocumentedMapping.MediaConnectState(link) is { } connect)
            Assert.Equal(Name(connect, "MediaConnectState"), row.GetProperty("MediaConnectState").GetString());
        Assert.Equal("SendReceive", row.GetProperty("DirectionType").GetString());
        Assert.Equal("Dedicated", row.GetProperty("ConnectionType").GetString());
    }

    /// <summary>An enum member's name without the Windows type prefix, written out here: "IfOperStatusUp" -> "Up".</summary>
    private static string Name<T>(T value, string prefix) where T : struct, Enum
    {
        var name = value.ToString();
        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        return name[prefix.Length..];
    }
}
