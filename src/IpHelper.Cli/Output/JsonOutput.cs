using System.Globalization;
using System.Net.NetworkInformation;
using System.Text.Json;

namespace IpHelper.Cli.Output;

/// <summary>
/// Writes rows in the JSON contract of DESIGN.md section 6: MIB field names, addresses as strings
/// (IPv6 with %scope when non-zero), prefixes as "address/length", NET_LUID and every other 64-bit
/// value as a decimal string,
/// GUIDs as strings, enums by member name without the type prefix, MACs as "aa:bb:cc:dd:ee:ff".
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    /// <summary>Bytes the writer may hold before they go to stdout: rows stream out as they are written.</summary>
    private const int FlushThreshold = 32 * 1024;

    private readonly Stream _stdout = StandardStreams.Output;

    public JsonOutput(bool indented = true)
    {
        Console.Out.Flush();
        Writer = new Utf8JsonWriter(_stdout, new JsonWriterOptions { Indented = indented });
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>NET_LUID: its 64-bit Value as a decimal string (see <see cref="UInt64"/>).</summary>
    public void Luid(string name, NetLuid luid) => UInt64(name, luid.Value);

    public void UInt64(string name, ulong value) => UInt64(JsonEncodedText.Encode(name), value);

    /// <summary>
    /// A 64-bit value as a decimal string ("18446744073709551615"): JSON readers that hold numbers as
    /// doubles (Debian's jq 1.6, JavaScript) keep 53 bits, and a bridge's LUID already needs 56. Every
    /// 64-bit field is written this way, whatever its value, so a field's JSON type never changes.
    /// </summary>
    public void UInt64(JsonEncodedText name, ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        Writer.WriteString(name, digits[..length]);
    }

    /// <summary>A signed 64-bit value as a decimal string, for the reason given at <see cref="UInt64"/>.</summary>
    public void Int64(string name, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        Writer.WriteString(name, digits[..length]);
    }

    public void Address(string name, in SockAddrInet address) => Address(JsonEncodedText.Encode(name), address);

    public void Prefix(string name, in IpAddressPrefix prefix) => Prefix(JsonEncodedText.Encode(name), prefix);

    /// <summary>NET_LUID under a pre-encoded name (the per-row path of big lists).</summary>
    public void Luid(JsonEncodedText name, NetLuid luid) => UInt64(name, luid.Value);

    /// <summary>An address (null for none) under a pre-encoded name, formatted straight to UTF-8.</summary>
    public void Address(JsonEncodedText name, in SockAddrInet address)
    {
        if (address.Family == System.Net.Sockets.AddressFamily.Unspecified)
        {
            Writer.WriteNull(name);
            return;
        }
        Span<byte> text = stackalloc byte[AddressText.MaxLength];
        Writer.WriteString(name, text[..AddressText.FormatUtf8(address, text)]);
    }

    /// <summary>A prefix under a pre-encoded name, formatted straight to UTF-8.</summary>
    public void Prefix(JsonEncodedText name, in IpAddressPrefix prefix)
    {
        Span<byte> text = stackalloc byte[AddressText.MaxLength];
        Writer.WriteString(name, text[..AddressText.FormatUtf8(prefix, text)]);
    }

    public void Enum<T>(JsonEncodedText name, T value, string prefix) where T : struct, System.Enum =>
        Writer.WriteString(name, Text.EnumName(value, prefix));

    public void Mac(string name, ReadOnlySpan<byte> bytes) => Mac(JsonEncodedText.Encode(name), bytes);

    /// <summary>A MAC as "aa:bb:cc:dd:ee:ff" (the same text as <see cref="Text.Mac"/>), formatted straight to UTF-8.</summary>
    public void Mac(JsonEncodedText name, ReadOnlySpan<byte> bytes)
    {
        Span<byte> text = stackalloc byte[Text.MacLength(bytes)];
        Writer.WriteString(name, text[..Text.FormatMacUtf8(bytes, text)]);
    }

    /// <summary>A GUID in braces ("B" format) under a pre-encoded name, formatted straight to UTF-8.</summary>
    public void Guid(JsonEncodedText name, System.Guid guid)
    {
        Span<byte> text = stackalloc byte[38];
        guid.TryFormat(text, out var written, "B");
        Writer.WriteString(name, text[..written]);
    }

    public void Enum<T>(string name, T value, string prefix) where T : struct, System.Enum =>
        Writer.WriteString(name, Text.EnumName(value, prefix));

    /// <summary>Passes what the writer holds on to stdout once it is big enough (call between rows).</summary>
    public void RowDone()
    {
        if (Writer.BytesPending >= FlushThreshold) Writer.Flush();
    }

    /// <summary>Ends one JSON-lines record: flushes it with a newline and readies the writer for the next one.</summary>
    public void EndLine()
    {
        Writer.Flush();
        _stdout.Write("\n"u8);
        _stdout.Flush();
        Writer.Reset(_stdout);
    }

    public void Dispose()
    {
        Writer.Flush();
        // JSON lines end each record themselves (EndLine): a monitor stopped by Ctrl-C adds no empty line.
        var open = Writer.BytesCommitted > 0;
        Writer.Dispose();
        if (open) _stdout.Write("\n"u8);
        _stdout.Flush();
    }
}
