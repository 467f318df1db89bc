using System.Net.NetworkInformation;
using System.Text.Json;

namespace IpHelper.Cli.Output;

/// <summary>
/// Writes rows in the JSON contract of DESIGN.md section 6: MIB field names, addresses as strings
/// (IPv6 with %scope when non-zero), prefixes as "address/length", NET_LUID as its 64-bit value,
/// GUIDs as strings, enums by member name without the type prefix, MACs as "aa:bb:cc:dd:ee:ff".
/// </summary>
internal sealed class JsonOutput : IDisposable
{
    private readonly Stream _stdout = Console.OpenStandardOutput();

    public JsonOutput(bool indented = true) =>
        Writer = new Utf8JsonWriter(_stdout, new JsonWriterOptions { Indented = indented, SkipValidation = false });

    public Utf8JsonWriter Writer { get; }

    public void Luid(string name, NetLuid luid) => Writer.WriteNumber(name, luid.Value);

    public void Address(string name, in SockAddrInet address)
    {
        if (address.Family == System.Net.Sockets.AddressFamily.Unspecified) Writer.WriteNull(name);
        else Writer.WriteString(name, address.ToString());
    }

    public void Prefix(string name, in IpAddressPrefix prefix) => Writer.WriteString(name, prefix.ToString());

    public void Mac(string name, ReadOnlySpan<byte> bytes) => Writer.WriteString(name, Text.Mac(bytes));

    public void Enum<T>(string name, T value, string prefix) where T : struct, System.Enum =>
        Writer.WriteString(name, Text.EnumName(value, prefix));

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
        _stdout.Dispose();
    }
}
