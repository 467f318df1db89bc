using System.Globalization;

namespace IpHelper.Cli.Output;

/// <summary>MIB_IPPATH_ROW as JSON and as a table.</summary>
internal static class PathRowOutput
{
    public static void WriteJson(JsonOutput json, in MibIpPathRow row)
    {
        var w = json.Writer;
        w.WriteStartObject();
        json.Address("Source", row.Source);
        json.Address("Destination", row.Destination);
        json.Luid("InterfaceLuid", row.InterfaceLuid);
        w.WriteNumber("InterfaceIndex", row.InterfaceIndex);
        json.Address("CurrentNextHop", row.CurrentNextHop);
        w.WriteNumber("PathMtu", row.PathMtu);
        w.WriteNumber("RttMean", row.RttMean);
        w.WriteNumber("RttDeviation", row.RttDeviation);
        w.WriteNumber("LastReachable", row.LastReachable);
        w.WriteNumber("LastUnreachable", row.LastUnreachable);
        w.WriteBoolean("IsReachable", row.IsReachable);
        json.UInt64("LinkTransmitSpeed", row.LinkTransmitSpeed);
        json.UInt64("LinkReceiveSpeed", row.LinkReceiveSpeed);
        w.WriteEndObject();
        json.RowDone();
    }

    public static void WriteJsonArray(ReadOnlySpan<MibIpPathRow> rows)
    {
        using var json = new JsonOutput();
        json.Writer.WriteStartArray();
        foreach (ref readonly var row in rows) WriteJson(json, row);
        json.Writer.WriteEndArray();
    }

    /// <summary>One line per path: interface, source, destination, next hop, path MTU, RTT and reachability.</summary>
    public static void WriteTable(TextWriter output, ReadOnlySpan<MibIpPathRow> rows)
    {
        var table = new TextTable("ifIndex", "SourceAddress", "DestinationAddress", "NextHop", "PathMtu", "RttMean", "RttDeviation", "Reachable").DropFirst("RttDeviation", "RttMean", "Reachable");
        foreach (ref readonly var row in rows)
            table.Add(row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), row.Source.ToString(), row.Destination.ToString(),
                row.CurrentNextHop.ToString(), row.PathMtu.ToString(CultureInfo.InvariantCulture),
                row.RttMean.ToString(CultureInfo.InvariantCulture), row.RttDeviation.ToString(CultureInfo.InvariantCulture),
                row.IsReachable ? "True" : "False");
        table.Write(output);
    }
}
