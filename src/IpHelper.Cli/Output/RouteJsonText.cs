using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace IpHelper.Cli.Output;

/// <summary>
/// The JSON array of `route list --json`, put together by hand in the <see cref="Utf8Output"/> buffer: the
/// bytes Utf8JsonWriter writes for <see cref="RouteRowOutput.WriteJson"/> rows (indented, the same names,
/// values and order), without its per-field checks, escaping scans and indentation, which cost a million
/// rows about a third of a second. It can be a template because no value of a route row needs escaping:
/// numbers, addresses and prefixes are ASCII digits, hex, '.', ':', '%' and '/', and the protocol and origin
/// names are encoded once by JsonEncodedText. The tests check the output is exactly Utf8JsonWriter's
/// rendering of itself.
/// </summary>
internal sealed class RouteJsonText : JsonArrayText
{
    /// <summary>Room for a row's text before its tail: the fixed parts (about 100 bytes), the LUID and index, two addresses.</summary>
    private const int RowRoom = 384;

    /// <summary>Room for the tail's fixed text (about 230 bytes) and its six numbers, besides the two names.</summary>
    private const int TailRoom = 320;

    private readonly Dictionary<NlRouteProtocol, JsonEncodedText> _protocols;
    private readonly Dictionary<NlRouteOrigin, JsonEncodedText> _origins;

    // The text of the previous row's head (LUID and index) and tail (the fields after NextHop), reused while they repeat.
    private NetLuid _luid;
    private uint _index;
    private readonly byte[] _head = new byte[128];
    private int _headLength = -1;
    private Tail _tailOf;
    private byte[] _tail = new byte[TailRoom];
    private int _tailLength = -1;

    public RouteJsonText(Dictionary<NlRouteProtocol, JsonEncodedText> protocols, Dictionary<NlRouteOrigin, JsonEncodedText> origins)
    {
        _protocols = protocols;
        _origins = origins;
    }

    public void Write(in MibIpForwardRow2 row)
    {
        if (_headLength < 0 || row.InterfaceLuid != _luid || row.InterfaceIndex != _index) FormatHead(row);
        var tail = new Tail(row);
        if (_tailLength < 0 || tail != _tailOf) FormatTail(tail);
        var line = BeginRow(RowRoom + _tailLength, out var n);
        n = Put(line, n, "{\n    \"InterfaceLuid\": \""u8);
        n = Put(line, n, _head.AsSpan(0, _headLength));
        n += AddressText.FormatUtf8(row.DestinationPrefix, line[n..]);
        if (row.NextHop.Family == AddressFamily.Unspecified) n = Put(line, n, "\",\n    \"NextHop\": null"u8);
        else
        {
            n = Put(line, n, "\",\n    \"NextHop\": \""u8);
            n += AddressText.FormatUtf8(row.NextHop, line[n..]);
            line[n++] = (byte)'"';
        }
        n = Put(line, n, _tail.AsSpan(0, _tailLength));
        Output.Advance(n);
    }

    /// <summary>The fields after NextHop, which most rows of a table share: their text is formatted once per change.</summary>
    private readonly record struct Tail(byte SitePrefixLength, uint ValidLifetime, uint PreferredLifetime, uint Metric,
        NlRouteProtocol Protocol, bool Loopback, bool AutoconfigureAddress, bool Publish, bool Immortal, uint Age, NlRouteOrigin Origin)
    {
        public Tail(in MibIpForwardRow2 row)
            : this(row.SitePrefixLength, row.ValidLifetime, row.PreferredLifetime, row.Metric, row.Protocol, row.Loopback,
                row.AutoconfigureAddress, row.Publish, row.Immortal, row.Age, row.Origin)
        {
        }
    }

    /// <summary>The LUID's digits and the index, with the text between them and up to DestinationPrefix's value.</summary>
    private void FormatHead(in MibIpForwardRow2 row)
    {
        _luid = row.InterfaceLuid;
        _index = row.InterfaceIndex;
        var head = _head.AsSpan();
        _luid.Value.TryFormat(head, out var n, default, CultureInfo.InvariantCulture);
        n = Put(head, n, "\",\n    \"InterfaceIndex\": "u8);
        n += AddressText.FormatUtf8(row.InterfaceIndex, head[n..]);
        _headLength = Put(head, n, ",\n    \"DestinationPrefix\": \""u8);
    }

    /// <summary>The text from after NextHop's value to the end of the object.</summary>
    private void FormatTail(in Tail row)
    {
        var protocol = _protocols.TryGetValue(row.Protocol, out var p) ? p : JsonEncodedText.Encode(Text.EnumName(row.Protocol, "RouteProtocol"));
        var origin = _origins.TryGetValue(row.Origin, out var o) ? o : JsonEncodedText.Encode(Text.EnumName(row.Origin, "Nlro"));
        var needed = TailRoom + protocol.EncodedUtf8Bytes.Length + origin.EncodedUtf8Bytes.Length;
        if (_tail.Length < needed) _tail = new byte[needed];
        var tail = _tail.AsSpan();
        var n = Put(tail, 0, ",\n    \"SitePrefixLength\": "u8);
        n += AddressText.FormatUtf8(row.SitePrefixLength, tail[n..]);
        n = Put(tail, n, ",\n    \"ValidLifetime\": "u8);
        n += AddressText.FormatUtf8(row.ValidLifetime, tail[n..]);
        n = Put(tail, n, ",\n    \"PreferredLifetime\": "u8);
        n += AddressText.FormatUtf8(row.PreferredLifetime, tail[n..]);
        n = Put(tail, n, ",\n    \"Metric\": "u8);
        n += AddressText.FormatUtf8(row.Metric, tail[n..]);
        n = Put(tail, n, ",\n    \"Protocol\": \""u8);
        n = Put(tail, n, protocol.EncodedUtf8Bytes);
        n = Put(tail, n, "\",\n    \"Loopback\": "u8);
        n = Put(tail, n, row.Loopback ? "true"u8 : "false"u8);
        n = Put(tail, n, ",\n    \"AutoconfigureAddress\": "u8);
        n = Put(tail, n, row.AutoconfigureAddress ? "true"u8 : "false"u8);
        n = Put(tail, n, ",\n    \"Publish\": "u8);
        n = Put(tail, n, row.Publish ? "true"u8 : "false"u8);
        n = Put(tail, n, ",\n    \"Immortal\": "u8);
        n = Put(tail, n, row.Immortal ? "true"u8 : "false"u8);
        n = Put(tail, n, ",\n    \"Age\": "u8);
        n += AddressText.FormatUtf8(row.Age, tail[n..]);
        n = Put(tail, n, ",\n    \"Origin\": \""u8);
        n = Put(tail, n, origin.EncodedUtf8Bytes);
        _tailLength = Put(tail, n, "\"\n  }"u8);
        _tailOf = row;
    }
}
