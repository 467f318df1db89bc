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
        json.RowDone();
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

    private static readonly string[] s_headers = ["ifIndex", "DestinationPrefix", "NextHop", "RouteMetric", "ifMetric", "PolicyStore"];

    /// <summary>
    /// The columns of Get-NetRoute: ifIndex, DestinationPrefix, NextHop, RouteMetric, ifMetric (the interface metric
    /// from <paramref name="interfaceMetrics"/>, by family and index), PolicyStore (Linux has only the active store).
    /// Written in two passes over the rows, widths then lines, with no string per cell: a million routes cost
    /// their table and a buffer, nothing more.
    /// </summary>
    public static void WriteTable(TextWriter output, ReadOnlySpan<MibIpForwardRow2> rows, IReadOnlyDictionary<(AddressFamily, uint), uint> interfaceMetrics)
    {
        var widths = s_headers.Select(h => h.Length).ToArray();
        widths[5] = Math.Max(widths[5], ActiveStore.Length);
        Span<char> cell = stackalloc char[AddressText.MaxLength];
        foreach (ref readonly var row in rows)
        {
            widths[0] = Math.Max(widths[0], AddressText.Format(row.InterfaceIndex, cell));
            widths[1] = Math.Max(widths[1], AddressText.Format(row.DestinationPrefix, cell));
            widths[2] = Math.Max(widths[2], AddressText.Format(row.NextHop, cell));
            widths[3] = Math.Max(widths[3], AddressText.Format(row.Metric, cell));
            if (interfaceMetrics.TryGetValue((row.DestinationPrefix.Prefix.Family, row.InterfaceIndex), out var metric))
                widths[4] = Math.Max(widths[4], AddressText.Format(metric, cell));
        }
        var layout = TableWidth.Fit(s_headers, widths, ["PolicyStore", "ifMetric", "RouteMetric"]);
        layout.WriteLine(output, s_headers);
        layout.WriteLine(output, [.. widths.Select((_, c) => new string('-', layout.Width(c)))]);
        var last = Enumerable.Range(0, s_headers.Length).Last(layout.IsShown);
        // One write per line: the cells are put together in a buffer as wide as the widest possible line.
        Span<char> line = stackalloc char[widths.Sum() + widths.Length + 1];
        foreach (ref readonly var row in rows)
        {
            var used = 0;
            for (var c = 0; c <= last; c++)
            {
                if (!layout.IsShown(c)) continue;
                if (used > 0) line[used++] = ' ';
                var length = c switch
                {
                    0 => AddressText.Format(row.InterfaceIndex, cell),
                    1 => AddressText.Format(row.DestinationPrefix, cell),
                    2 => AddressText.Format(row.NextHop, cell),
                    3 => AddressText.Format(row.Metric, cell),
                    4 => interfaceMetrics.TryGetValue((row.DestinationPrefix.Prefix.Family, row.InterfaceIndex), out var metric) ? AddressText.Format(metric, cell) : 0,
                    _ => Copy(ActiveStore, cell),
                };
                used += TableWidth.Layout.PutCell(line[used..], cell[..length], layout.Width(c), pad: c != last);
            }
            line[used++] = '\n';
            output.Write(line[..used]);
        }
    }

    private const string ActiveStore = "ActiveStore";

    private static int Copy(string text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
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
