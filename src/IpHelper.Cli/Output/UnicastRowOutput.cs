using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Cli.Output;

/// <summary>MIB_UNICASTIPADDRESS_ROW as JSON, as a Get-NetIPAddress table, and as a Format-List style record.</summary>
internal static class UnicastRowOutput
{
    public static void WriteJson(JsonOutput json, in MibUnicastIpAddressRow row)
    {
        var w = json.Writer;
        w.WriteStartObject();
        json.Address("Address", row.Address);
        json.Luid("InterfaceLuid", row.InterfaceLuid);
        w.WriteNumber("InterfaceIndex", row.InterfaceIndex);
        json.Enum("PrefixOrigin", row.PrefixOrigin, "IpPrefixOrigin");
        json.Enum("SuffixOrigin", row.SuffixOrigin, "IpSuffixOrigin");
        w.WriteNumber("ValidLifetime", row.ValidLifetime);
        w.WriteNumber("PreferredLifetime", row.PreferredLifetime);
        w.WriteNumber("OnLinkPrefixLength", row.OnLinkPrefixLength);
        w.WriteBoolean("SkipAsSource", row.SkipAsSource);
        json.Enum("DadState", row.DadState, "IpDadState");
        w.WriteNumber("ScopeId", row.ScopeId.Value);
        json.Int64("CreationTimeStamp", row.CreationTimeStamp);
        w.WriteEndObject();
        json.RowDone();
    }

    /// <summary>The columns of Get-NetIPAddress: ifIndex, IPAddress, PrefixLength, PrefixOrigin, SuffixOrigin, AddressState, PolicyStore.</summary>
    public static void WriteTable(TextWriter output, ReadOnlySpan<MibUnicastIpAddressRow> rows)
    {
        var table = new TextTable("ifIndex", "IPAddress", "PrefixLength", "PrefixOrigin", "SuffixOrigin", "AddressState", "PolicyStore").DropFirst("PolicyStore", "SuffixOrigin", "PrefixOrigin");
        foreach (ref readonly var row in rows)
            table.Add(row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), row.Address.ToString(),
                row.OnLinkPrefixLength.ToString(CultureInfo.InvariantCulture), Text.EnumName(row.PrefixOrigin, "IpPrefixOrigin"),
                Text.EnumName(row.SuffixOrigin, "IpSuffixOrigin"), Text.EnumName(row.DadState, "IpDadState"), "ActiveStore");
        table.Write(output);
    }

    /// <summary>Every field, one per line, like Get-NetIPAddress | Format-List.</summary>
    public static void WriteList(TextWriter output, in MibUnicastIpAddressRow row, string alias)
    {
        var fields = new (string Name, string Value)[]
        {
            ("IPAddress", row.Address.ToString()),
            ("InterfaceIndex", row.InterfaceIndex.ToString(CultureInfo.InvariantCulture)),
            ("InterfaceAlias", alias),
            ("InterfaceLuid", row.InterfaceLuid.Value.ToString(CultureInfo.InvariantCulture)),
            ("AddressFamily", row.Address.Family == AddressFamily.InterNetwork ? "IPv4" : "IPv6"),
            ("Type", "Unicast"),
            ("PrefixLength", row.OnLinkPrefixLength.ToString(CultureInfo.InvariantCulture)),
            ("PrefixOrigin", Text.EnumName(row.PrefixOrigin, "IpPrefixOrigin")),
            ("SuffixOrigin", Text.EnumName(row.SuffixOrigin, "IpSuffixOrigin")),
            ("AddressState", Text.EnumName(row.DadState, "IpDadState")),
            ("ValidLifetime", Lifetime(row.ValidLifetime)),
            ("PreferredLifetime", Lifetime(row.PreferredLifetime)),
            ("SkipAsSource", row.SkipAsSource ? "True" : "False"),
            ("ScopeId", row.ScopeId.Value.ToString(CultureInfo.InvariantCulture)),
            ("CreationTime", row.CreationTimeStamp == 0 ? "" : DateTime.FromFileTimeUtc(row.CreationTimeStamp).ToString("u", CultureInfo.InvariantCulture)),
            ("PolicyStore", "ActiveStore"),
        };
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields) output.WriteLine($"{name.PadRight(width)} : {value}");
    }

    /// <summary>A lifetime in seconds as PowerShell shows a TimeSpan ("1.00:00:00"), or "Infinite".</summary>
    public static string Lifetime(uint seconds) =>
        seconds == uint.MaxValue ? "Infinite" : TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
}
