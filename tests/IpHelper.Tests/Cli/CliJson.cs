using System.Buffers;
using System.Globalization;
using System.Text;
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

    /// <summary>
    /// What Utf8JsonWriter (indented, default encoder, as the CLI's JsonOutput) writes for the document
    /// <paramref name="json"/>, with the CLI's final newline: the text a hand-written listing must equal.
    /// </summary>
    public static string Utf8JsonWritersText(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true })) document.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
