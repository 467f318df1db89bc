using System.Globalization;
using System.Text.Json;

namespace IpHelper.Tests.Cli;

/// <summary>Reading the CLI's JSON as its contract writes it (docs/cli.md, JSON).</summary>
public static class CliJson
{
    /// <summary>A 64-bit field (NET_LUID, counters, speeds): a decimal string, checked to be one.</summary>
    public static ulong UInt64(this JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new FormatException($"a 64-bit field must be a decimal string, not {value.ValueKind} {value.GetRawText()}");
        return ulong.Parse(value.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
