using System.Globalization;

namespace IpHelper.Cli.Output;

/// <summary>MIB_IPNET_ROW2 as JSON and as a Get-NetNeighbor style table.</summary>
internal static class NeighborRowOutput
{
    public static void WriteJson(JsonOutput json, in MibIpNetRow2 row)
    {
        var w = json.Writer;
        w.WriteStartObject();
        json.Address("Address", row.Address);
        w.WriteNumber("InterfaceIndex", row.InterfaceIndex);
        json.Luid("InterfaceLuid", row.InterfaceLuid);
        json.Mac("PhysicalAddress", row.GetPhysicalAddressBytes());
        w.WriteNumber("PhysicalAddressLength", row.PhysicalAddressLength);
        json.Enum("State", row.State, "Nlns");
        w.WriteBoolean("IsRouter", row.IsRouter);
        w.WriteBoolean("IsUnreachable", row.IsUnreachable);
        w.WriteStartObject("ReachabilityTime");
        w.WriteNumber("LastReachable", row.LastReachable);
        w.WriteNumber("LastUnreachable", row.LastUnreachable);
        w.WriteEndObject();
        w.WriteEndObject();
        json.RowDone();
    }

    public static void WriteJsonArray(ReadOnlySpan<MibIpNetRow2> rows)
    {
        using var json = new JsonOutput();
        json.Writer.WriteStartArray();
        foreach (ref readonly var row in rows) WriteJson(json, row);
        json.Writer.WriteEndArray();
    }

    /// <summary>The columns of Get-NetNeighbor: ifIndex, IPAddress, LinkLayerAddress, State, PolicyStore (Linux has only the active store).</summary>
    public static void WriteTable(TextWriter output, ReadOnlySpan<MibIpNetRow2> rows)
    {
        var table = new TextTable("ifIndex", "IPAddress", "LinkLayerAddress", "State", "PolicyStore").DropFirst("PolicyStore");
        foreach (ref readonly var row in rows)
            table.Add(row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), row.Address.ToString(),
                Text.Mac(row.GetPhysicalAddressBytes()),
                Text.EnumName(row.State, "Nlns"), "ActiveStore");
        table.Write(output);
    }
}
