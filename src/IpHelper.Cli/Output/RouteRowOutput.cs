using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

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
        json.Luid(s_interfaceLuid, row.InterfaceLuid);
        w.WriteNumber(s_interfaceIndex, row.InterfaceIndex);
        json.Prefix(s_destinationPrefix, row.DestinationPrefix);
        json.Address(s_nextHop, row.NextHop);
        w.WriteNumber(s_sitePrefixLength, row.SitePrefixLength);
        w.WriteNumber(s_validLifetime, row.ValidLifetime);
        w.WriteNumber(s_preferredLifetime, row.PreferredLifetime);
        w.WriteNumber(s_metric, row.Metric);
        if (s_protocols.TryGetValue(row.Protocol, out var protocol)) w.WriteString(s_protocol, protocol);
        else json.Enum(s_protocol, row.Protocol, "RouteProtocol");
        w.WriteBoolean(s_loopback, row.Loopback);
        w.WriteBoolean(s_autoconfigureAddress, row.AutoconfigureAddress);
        w.WriteBoolean(s_publish, row.Publish);
        w.WriteBoolean(s_immortal, row.Immortal);
        w.WriteNumber(s_age, row.Age);
        if (s_origins.TryGetValue(row.Origin, out var origin)) w.WriteString(s_origin, origin);
        else json.Enum(s_origin, row.Origin, "Nlro");
    }

    // The field names, encoded once: a million rows would otherwise encode and check fifteen names each.
    private static readonly JsonEncodedText s_interfaceLuid = JsonEncodedText.Encode("InterfaceLuid"), s_interfaceIndex = JsonEncodedText.Encode("InterfaceIndex"),
        s_destinationPrefix = JsonEncodedText.Encode("DestinationPrefix"), s_nextHop = JsonEncodedText.Encode("NextHop"),
        s_sitePrefixLength = JsonEncodedText.Encode("SitePrefixLength"), s_validLifetime = JsonEncodedText.Encode("ValidLifetime"),
        s_preferredLifetime = JsonEncodedText.Encode("PreferredLifetime"), s_metric = JsonEncodedText.Encode("Metric"),
        s_protocol = JsonEncodedText.Encode("Protocol"), s_loopback = JsonEncodedText.Encode("Loopback"),
        s_autoconfigureAddress = JsonEncodedText.Encode("AutoconfigureAddress"), s_publish = JsonEncodedText.Encode("Publish"),
        s_immortal = JsonEncodedText.Encode("Immortal"), s_age = JsonEncodedText.Encode("Age"), s_origin = JsonEncodedText.Encode("Origin");

    // The names of the defined protocols and origins, encoded once (a value without a name is written as Text.EnumName writes it).
    private static readonly Dictionary<NlRouteProtocol, JsonEncodedText> s_protocols = Enum.GetValues<NlRouteProtocol>().Distinct()
        .ToDictionary(v => v, v => JsonEncodedText.Encode(Text.EnumName(v, "RouteProtocol")));
    private static readonly Dictionary<NlRouteOrigin, JsonEncodedText> s_origins = Enum.GetValues<NlRouteOrigin>().Distinct()
        .ToDictionary(v => v, v => JsonEncodedText.Encode(Text.EnumName(v, "Nlro")));

    /// <summary>
    /// A JSON array of the rows of a stream, each written as it is read (only the rows of <paramref name="only"/>
    /// when given), as <see cref="WriteJson"/> writes them (<see cref="RouteJsonText"/>). The array is closed even
    /// when the stream ends early; the caller reports its status.
    /// </summary>
    public static void StreamJson(MibRowStream<MibIpForwardRow2> rows, NetLuid? only)
    {
        using var json = new RouteJsonText(s_protocols, s_origins);
        foreach (ref readonly var row in rows)
        {
            if (only is { } luid && row.InterfaceLuid != luid) continue;
            json.Write(row);
        }
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

    /// <summary>
    /// The table of <see cref="WriteTable"/> for rows written as a stream reads them: the column widths cannot
    /// come from the rows, so they are fixed per column (IPv4 cells never exceed them; a longer IPv6 cell
    /// pushes the rest of its line right, and is cut with '…' only on a terminal), and piped output is the
    /// same whatever the rows. Lines are put together as UTF-8, one buffer write each.
    /// </summary>
    public static void StreamTable(MibRowStream<MibIpForwardRow2> rows, AddressFamily family, NetLuid? only,
        IReadOnlyDictionary<(AddressFamily, uint), uint> interfaceMetrics)
    {
        int[] widths = family == AddressFamily.InterNetwork ? [7, 18, 15, 11, 8, 11] : [7, 30, 25, 11, 8, 11];
        var layout = TableWidth.Fit(s_headers, widths, ["PolicyStore", "ifMetric", "RouteMetric"]);
        using var output = new Utf8Output();
        var header = new StringWriter { NewLine = "\n" };
        layout.WriteLine(header, s_headers);
        layout.WriteLine(header, [.. widths.Select((_, c) => new string('-', layout.Width(c)))]);
        output.Write(header.ToString());
        var last = Enumerable.Range(0, s_headers.Length).Last(layout.IsShown);
        var lineLength = s_headers.Length * (AddressText.MaxLength + 4) + 1;
        Span<byte> cell = stackalloc byte[AddressText.MaxLength];
        // Without a width limit (a pipe, a file, --wide) no cell is cut: a longer one widens its column on its line only.
        var cut = TableWidth.Current is not null;
        var metricKey = (AddressFamily.Unknown, 0u);
        var hasMetric = false;
        var metric = 0u;
        foreach (ref readonly var row in rows)
        {
            if (only is { } luid && row.InterfaceLuid != luid) continue;
            var key = (row.DestinationPrefix.Prefix.Family, row.InterfaceIndex);
            if (key != metricKey)
            {
                metricKey = key;
                hasMetric = interfaceMetrics.TryGetValue(key, out metric);
            }
            var line = output.GetSpan(lineLength);
            var used = 0;
            for (var c = 0; c <= last; c++)
            {
                if (!layout.IsShown(c)) continue;
                if (used > 0) line[used++] = (byte)' ';
                var length = c switch
                {
                    0 => AddressText.FormatUtf8(row.InterfaceIndex, cell),
                    1 => AddressText.FormatUtf8(row.DestinationPrefix, cell),
                    2 => AddressText.FormatUtf8(row.NextHop, cell),
                    3 => AddressText.FormatUtf8(row.Metric, cell),
                    4 => hasMetric ? AddressText.FormatUtf8(metric, cell) : 0,
                    _ => Copy("ActiveStore"u8, cell),
                };
                var width = cut ? layout.Width(c) : Math.Max(layout.Width(c), length);
                used += TableWidth.Layout.PutCell(line[used..], cell[..length], width, pad: c != last);
            }
            line[used++] = (byte)'\n';
            output.Advance(used);
        }
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }

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
