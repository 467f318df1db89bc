using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace IpHelper.Cli.Output;

/// <summary>
/// The JSON array of `interface list --json`, put together in the <see cref="Utf8Output"/> buffer: the bytes
/// Utf8JsonWriter writes for <see cref="IfRowOutput.WriteJson"/> rows (indented, the same names, values and
/// order), with each field's name, indentation and separator prepared once instead of checked and indented on
/// each of 48 calls per row. Numbers, GUIDs, MACs and enum names never need escaping; the alias and
/// description are escaped exactly as Utf8JsonWriter escapes them (JsonEncodedText) when the default encoder
/// finds a character to escape. The tests compare every row with the one `interface show` writes.
/// </summary>
internal sealed class IfJsonText : JsonArrayText
{
    /// <summary>
    /// Room for one row: the fixed text (about 1,700 bytes), two strings of at most 256 characters escaped as
    /// \uXXXX (1,536 bytes each), numbers, GUIDs and MACs of at most 32 bytes.
    /// </summary>
    private const int RowRoom = 8192;

    public void Write(in MibIfRow2 row)
    {
        var line = BeginRow(RowRoom, out var n);
        n = Put(line, n, "{"u8);
        n = Put(line, n, Fields.InterfaceLuid);
        n = Quoted(line, n, row.InterfaceLuid.Value);
        n = Put(line, n, Fields.InterfaceIndex);
        n = Number(line, n, row.InterfaceIndex);
        n = Put(line, n, Fields.InterfaceGuid);
        n = Guid(line, n, row.InterfaceGuid);
        n = Put(line, n, Fields.Alias);
        n = String(line, n, IfRowOutput.UpToNul(row.AliasChars));
        n = Put(line, n, Fields.Description);
        n = String(line, n, IfRowOutput.UpToNul(row.DescriptionChars));
        n = Put(line, n, Fields.PhysicalAddressLength);
        n = Number(line, n, row.PhysicalAddressLength);
        n = Put(line, n, Fields.PhysicalAddress);
        n = Mac(line, n, row.GetPhysicalAddressBytes());
        n = Put(line, n, Fields.PermanentPhysicalAddress);
        n = Mac(line, n, row.GetPermanentPhysicalAddressBytes());
        n = Put(line, n, Fields.Mtu);
        n = Number(line, n, row.Mtu);
        n = Put(line, n, Fields.Type);
        n = Number(line, n, (uint)row.Type);
        n = Put(line, n, Fields.TunnelType);
        n = Quoted(line, n, IfRowOutput.TunnelTypes[row.TunnelType]);
        n = Put(line, n, Fields.MediaType);
        n = Quoted(line, n, IfRowOutput.MediaTypes[row.MediaType]);
        n = Put(line, n, Fields.PhysicalMediumType);
        n = Quoted(line, n, IfRowOutput.PhysicalMediumTypes[row.PhysicalMediumType]);
        n = Put(line, n, Fields.AccessType);
        n = Quoted(line, n, IfRowOutput.AccessTypes[row.AccessType]);
        n = Put(line, n, Fields.DirectionType);
        n = Quoted(line, n, IfRowOutput.DirectionTypes[row.DirectionType]);
        n = Put(line, n, Fields.InterfaceAndOperStatusFlags);
        for (var i = 0; i < Fields.Flags.Length; i++)
        {
            n = Put(line, n, Fields.Flags[i]);
            n = Put(line, n, (row.InterfaceAndOperStatusFlags & IfRowOutput.Flags[i].Flag) != 0 ? "true"u8 : "false"u8);
        }
        n = Put(line, n, "\n    }"u8);
        n = Put(line, n, Fields.OperStatus);
        n = Quoted(line, n, IfRowOutput.OperStatuses[row.OperStatus]);
        n = Put(line, n, Fields.AdminStatus);
        n = Quoted(line, n, IfRowOutput.AdminStatuses[row.AdminStatus]);
        n = Put(line, n, Fields.MediaConnectState);
        n = Quoted(line, n, IfRowOutput.MediaConnectStates[row.MediaConnectState]);
        n = Put(line, n, Fields.NetworkGuid);
        n = Guid(line, n, row.NetworkGuid);
        n = Put(line, n, Fields.ConnectionType);
        n = Quoted(line, n, IfRowOutput.ConnectionTypes[row.ConnectionType]);
        ReadOnlySpan<ulong> counters =
        [
            row.TransmitLinkSpeed, row.ReceiveLinkSpeed, row.InOctets, row.InUcastPkts, row.InNUcastPkts, row.InDiscards, row.InErrors,
            row.InUnknownProtos, row.InUcastOctets, row.InMulticastOctets, row.InBroadcastOctets, row.OutOctets, row.OutUcastPkts,
            row.OutNUcastPkts, row.OutDiscards, row.OutErrors, row.OutUcastOctets, row.OutMulticastOctets, row.OutBroadcastOctets, row.OutQLen,
        ];
        for (var i = 0; i < counters.Length; i++)
        {
            n = Put(line, n, Fields.Counters[i]);
            n = Quoted(line, n, counters[i]);
        }
        n = Put(line, n, "\n  }"u8);
        Output.Advance(n);
    }

    private static int Number(Span<byte> line, int at, uint value)
    {
        value.TryFormat(line[at..], out var written, default, CultureInfo.InvariantCulture);
        return at + written;
    }

    /// <summary>A 64-bit value as a decimal string (the contract of <see cref="JsonOutput.UInt64(JsonEncodedText, ulong)"/>).</summary>
    private static int Quoted(Span<byte> line, int at, ulong value)
    {
        line[at++] = (byte)'"';
        value.TryFormat(line[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        line[at++] = (byte)'"';
        return at;
    }

    private static int Quoted(Span<byte> line, int at, JsonEncodedText text)
    {
        line[at++] = (byte)'"';
        at = Put(line, at, text.EncodedUtf8Bytes);
        line[at++] = (byte)'"';
        return at;
    }

    private static int Guid(Span<byte> line, int at, System.Guid guid)
    {
        line[at++] = (byte)'"';
        guid.TryFormat(line[at..], out var written, "B");
        at += written;
        line[at++] = (byte)'"';
        return at;
    }

    private static int Mac(Span<byte> line, int at, ReadOnlySpan<byte> bytes)
    {
        line[at++] = (byte)'"';
        at += Text.FormatMacUtf8(bytes, line[at..]);
        line[at++] = (byte)'"';
        return at;
    }

    /// <summary>Text as UTF-8, escaped as Utf8JsonWriter escapes it when the default encoder asks for it.</summary>
    private static int String(Span<byte> line, int at, ReadOnlySpan<char> text)
    {
        line[at++] = (byte)'"';
        Utf8.FromUtf16(text, line[at..], out _, out var written);
        if (JavaScriptEncoder.Default.FindFirstCharacterToEncodeUtf8(line.Slice(at, written)) < 0) at += written;
        else at = Put(line, at, JsonEncodedText.Encode(text).EncodedUtf8Bytes);
        line[at++] = (byte)'"';
        return at;
    }

    /// <summary>Each field's separator, indentation and name, as Utf8JsonWriter writes them before its value.</summary>
    private static class Fields
    {
        public static readonly byte[] InterfaceLuid = First(nameof(InterfaceLuid)), InterfaceIndex = F(nameof(InterfaceIndex)),
            InterfaceGuid = F(nameof(InterfaceGuid)), Alias = F(nameof(Alias)), Description = F(nameof(Description)),
            PhysicalAddressLength = F(nameof(PhysicalAddressLength)), PhysicalAddress = F(nameof(PhysicalAddress)),
            PermanentPhysicalAddress = F(nameof(PermanentPhysicalAddress)), Mtu = F(nameof(Mtu)), Type = F(nameof(Type)),
            TunnelType = F(nameof(TunnelType)), MediaType = F(nameof(MediaType)), PhysicalMediumType = F(nameof(PhysicalMediumType)),
            AccessType = F(nameof(AccessType)), DirectionType = F(nameof(DirectionType)),
            InterfaceAndOperStatusFlags = [.. F(nameof(InterfaceAndOperStatusFlags)), .. "{"u8],
            OperStatus = F(nameof(OperStatus)), AdminStatus = F(nameof(AdminStatus)), MediaConnectState = F(nameof(MediaConnectState)),
            NetworkGuid = F(nameof(NetworkGuid)), ConnectionType = F(nameof(ConnectionType));

        /// <summary>The flags inside InterfaceAndOperStatusFlags (one level deeper; the first without a comma).</summary>
        public static readonly byte[][] Flags = [.. IfRowOutput.Flags.Select((f, i) => Field(f.Name.EncodedUtf8Bytes, "      ", first: i == 0))];

        /// <summary>The 64-bit fields from TransmitLinkSpeed to OutQLen, in the order of <see cref="IfRowOutput.WriteJson"/>.</summary>
        public static readonly byte[][] Counters = [.. new[]
        {
            "TransmitLinkSpeed", "ReceiveLinkSpeed", "InOctets", "InUcastPkts", "InNUcastPkts", "InDiscards", "InErrors",
            "InUnknownProtos", "InUcastOctets", "InMulticastOctets", "InBroadcastOctets", "OutOctets", "OutUcastPkts",
            "OutNUcastPkts", "OutDiscards", "OutErrors", "OutUcastOctets", "OutMulticastOctets", "OutBroadcastOctets", "OutQLen",
        }.Select(F)];

        private static byte[] First(string name) => Field(JsonEncodedText.Encode(name).EncodedUtf8Bytes, "    ", first: true);

        private static byte[] F(string name) => Field(JsonEncodedText.Encode(name).EncodedUtf8Bytes, "    ", first: false);

        private static byte[] Field(ReadOnlySpan<byte> name, string indent, bool first) =>
            [.. first ? "\n"u8 : ",\n"u8, .. System.Text.Encoding.ASCII.GetBytes(indent), (byte)'"', .. name, .. "\": "u8];
    }
}
