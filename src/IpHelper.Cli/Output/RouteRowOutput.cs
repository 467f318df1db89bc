using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Cli.Output;

/// <summary>MIB_IPFORWARD_ROW2 as JSON, as a Get-NetRoute style table, and as a Format-List style record.</summary>
internal static class RouteRowOutput
{
    public static void WriteJson(JsonOutput json, in MibIpForwardRow2 row)
    {
        var w = json.Writer;
        w.WriteStartObject();
        WriteJsonFields(json, row);
        w.WriteEndObject();
    }

    /// <summary>The fields of a row, for writers that put them inside another object.</summary>
    public static void WriteJsonFields(JsonOutput json, in MibIpForwardRow2 row)
    {
        var w = json.Writer;
        json.Luid("InterfaceLuid", row.InterfaceLuid);
        w.WriteNumber("InterfaceIndex", row.InterfaceIndex);
        json.Prefix("DestinationPrefix", row.DestinationPrefix);
        json.Address("NextHop", row.NextHop);
        w.WriteNumber("SitePrefixLength", row.SitePrefixLength);
        w.WriteNumber("ValidLifetime", row.ValidLifetime);
        w.WriteNumber("PreferredLifetime", row.PreferredLifetime);
        w.WriteNumber("Metric", row.Metric);
        json.Enum("Protocol", row.Protocol, "RouteProtocol");
        w.WriteBoolean("Loopback", row.Loopback);
        w.WriteBoolean("AutoconfigureAddress", row.AutoconfigureAddress);
        w.WriteBoolean("Publish", row.Publish);
        w.WriteBoolean("Immortal", row.Immortal);
        w.WriteNumber("Age", row.Age);
        json.Enum("Origin", row.Origin, "Nlro");
    }

    /// <summary>
    /// The columns of Get-NetRoute: ifIndex, DestinationPrefix, NextHop, RouteMetric, ifMetric (the interface metric
    /// from <paramref name="interfaceMetrics"/>, by family and index), PolicyStore (Linux has only the active store).
    /// </summary>
    public static TextTable Table(ReadOnlySpan<MibIpForwardRow2> rows, IReadOnlyDictionary<(AddressFamily, uint), uint> interfaceMetrics)
    {
        var table = new TextTable("ifIndex", "DestinationPrefix", "NextHop", "RouteMetric", "ifMetric", "PolicyStore");
        foreach (ref readonly var row in rows)
            table.Add(row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), row.DestinationPrefix.ToString(), row.NextHop.ToString(),
                row.Metric.ToString(CultureInfo.InvariantCulture),
                interfaceMetrics.TryGetValue((row.DestinationPrefix.Prefix.Family, row.InterfaceIndex), out var metric) ? metric.ToString(CultureInfo.InvariantCulture) : "",
                "ActiveStore");
        return table;
    }

    /// <summary>Every field, one per line, like Format-List; <paramref name="extra"/> fields come first.</summary>
    public static void WriteList(TextWriter output, in MibIpForwardRow2 row, params (string Name, string Value)[] extra)
    {
        var fields = new List<(string Name, string Value)>(extra)
        {
            ("DestinationPrefix", row.DestinationPrefix.ToString()), ("NextHop", row.NextHop.ToString()),
            ("ifIndex", row.InterfaceIndex.ToString(CultureInfo.InvariantCulture)),
            ("InterfaceLuid", row.InterfaceLuid.Value.ToString(CultureInfo.InvariantCulture)),
            ("RouteMetric", row.Metric.ToString(CultureInfo.InvariantCulture)),
            ("Protocol", Text.EnumName(row.Protocol, "RouteProtocol")), ("Origin", Text.EnumName(row.Origin, "Nlro")),
            ("ValidLifetime", Lifetime(row.ValidLifetime)), ("PreferredLifetime", Lifetime(row.PreferredLifetime)),
            ("Loopback", row.Loopback.ToString()), ("Immortal", row.Immortal.ToString()),
            ("SitePrefixLength", row.SitePrefixLength.ToString(CultureInfo.InvariantCulture)),
            ("Age", row.Age.ToString(CultureInfo.InvariantCulture)), ("PolicyStore", "ActiveStore"),
        };
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields) output.WriteLine($"{name.PadRight(width)} : {value}");
    }

    /// <summary>A lifetime as PowerShell shows it: "Infinite" for 0xFFFFFFFF, else hh:mm:ss.</summary>
    private static string Lifetime(uint seconds) =>
        seconds == uint.MaxValue ? "Infinite" : TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
}
