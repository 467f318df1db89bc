using System.Globalization;

namespace IpHelper.Cli.Output;

/// <summary>MIB_IF_ROW2 as JSON, as a Get-NetAdapter style table, and as a Format-List style record.</summary>
internal static class IfRowOutput
{
    /// <summary>The flags of InterfaceAndOperStatusFlags with their JSON names, encoded once (2,000 rows ask for each).</summary>
    private static readonly (InterfaceAndOperStatusFlags Flag, System.Text.Json.JsonEncodedText Name)[] s_flags =
        [.. Enum.GetValues<InterfaceAndOperStatusFlags>().Where(f => f != InterfaceAndOperStatusFlags.None).Select(f => (f, System.Text.Json.JsonEncodedText.Encode(f.ToString())))];

    public static void WriteJson(JsonOutput json, in MibIfRow2 row)
    {
        var w = json.Writer;
        w.WriteStartObject();
        json.Luid("InterfaceLuid", row.InterfaceLuid);
        w.WriteNumber("InterfaceIndex", row.InterfaceIndex);
        json.Guid("InterfaceGuid", row.InterfaceGuid);
        w.WriteString("Alias", row.Alias);
        w.WriteString("Description", row.Description);
        w.WriteNumber("PhysicalAddressLength", row.PhysicalAddressLength);
        json.Mac("PhysicalAddress", PhysicalAddress(row));
        json.Mac("PermanentPhysicalAddress", PermanentAddress(row));
        w.WriteNumber("Mtu", row.Mtu);
        w.WriteNumber("Type", (uint)row.Type);
        json.Enum("TunnelType", row.TunnelType, "TunnelType");
        json.Enum("MediaType", row.MediaType, "NdisMedium");
        json.Enum("PhysicalMediumType", row.PhysicalMediumType, "NdisPhysicalMedium");
        json.Enum("AccessType", row.AccessType, "NetIfAccess");
        json.Enum("DirectionType", row.DirectionType, "NetIfDirection");
        w.WriteStartObject("InterfaceAndOperStatusFlags");
        foreach (var (flag, name) in s_flags) w.WriteBoolean(name, (row.InterfaceAndOperStatusFlags & flag) != 0);
        w.WriteEndObject();
        json.Enum("OperStatus", row.OperStatus, "IfOperStatus");
        json.Enum("AdminStatus", row.AdminStatus, "NetIfAdminStatus");
        json.Enum("MediaConnectState", row.MediaConnectState, "MediaConnectState");
        json.Guid("NetworkGuid", row.NetworkGuid);
        json.Enum("ConnectionType", row.ConnectionType, "NetIfConnection");
        json.UInt64("TransmitLinkSpeed", row.TransmitLinkSpeed);
        json.UInt64("ReceiveLinkSpeed", row.ReceiveLinkSpeed);
        json.UInt64("InOctets", row.InOctets);
        json.UInt64("InUcastPkts", row.InUcastPkts);
        json.UInt64("InNUcastPkts", row.InNUcastPkts);
        json.UInt64("InDiscards", row.InDiscards);
        json.UInt64("InErrors", row.InErrors);
        json.UInt64("InUnknownProtos", row.InUnknownProtos);
        json.UInt64("InUcastOctets", row.InUcastOctets);
        json.UInt64("InMulticastOctets", row.InMulticastOctets);
        json.UInt64("InBroadcastOctets", row.InBroadcastOctets);
        json.UInt64("OutOctets", row.OutOctets);
        json.UInt64("OutUcastPkts", row.OutUcastPkts);
        json.UInt64("OutNUcastPkts", row.OutNUcastPkts);
        json.UInt64("OutDiscards", row.OutDiscards);
        json.UInt64("OutErrors", row.OutErrors);
        json.UInt64("OutUcastOctets", row.OutUcastOctets);
        json.UInt64("OutMulticastOctets", row.OutMulticastOctets);
        json.UInt64("OutBroadcastOctets", row.OutBroadcastOctets);
        json.UInt64("OutQLen", row.OutQLen);
        w.WriteEndObject();
        json.RowDone();
    }

    /// <summary>The columns of Get-NetAdapter: Name, InterfaceDescription, ifIndex, Status, MacAddress, LinkSpeed.</summary>
    public static void WriteTable(TextWriter output, ReadOnlySpan<MibIfRow2> rows)
    {
        var table = new TextTable("Name", "InterfaceDescription", "ifIndex", "Status", "MacAddress", "LinkSpeed").DropFirst("InterfaceDescription", "LinkSpeed", "MacAddress");
        foreach (ref readonly var row in rows)
            table.Add(row.Alias, row.Description, row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), Status(row),
                Text.Mac(PhysicalAddress(row)), Text.Speed(row.TransmitLinkSpeed));
        table.Write(output);
    }

    /// <summary>Every field, one per line, like Format-List.</summary>
    public static void WriteList(TextWriter output, in MibIfRow2 row)
    {
        var fields = new (string Name, string Value)[]
        {
            ("Name", row.Alias), ("InterfaceDescription", row.Description),
            ("ifIndex", row.InterfaceIndex.ToString(CultureInfo.InvariantCulture)),
            ("InterfaceLuid", $"{row.InterfaceLuid.Value} (NetLuidIndex {row.InterfaceLuid.NetLuidIndex}, IfType {row.InterfaceLuid.IfType})"),
            ("InterfaceGuid", row.InterfaceGuid.ToString("B")), ("Status", Status(row)),
            ("OperStatus", Text.EnumName(row.OperStatus, "IfOperStatus")),
            ("AdminStatus", Text.EnumName(row.AdminStatus, "NetIfAdminStatus")),
            ("MediaConnectState", Text.EnumName(row.MediaConnectState, "MediaConnectState")),
            ("MacAddress", Text.Mac(PhysicalAddress(row))), ("PermanentAddress", Text.Mac(PermanentAddress(row))),
            ("MtuSize", row.Mtu.ToString(CultureInfo.InvariantCulture)),
            ("Type", ((uint)row.Type).ToString(CultureInfo.InvariantCulture) + " (" + row.Type + ")"),
            ("TunnelType", Text.EnumName(row.TunnelType, "TunnelType")),
            ("MediaType", Text.EnumName(row.MediaType, "NdisMedium")),
            ("PhysicalMediumType", Text.EnumName(row.PhysicalMediumType, "NdisPhysicalMedium")),
            ("AccessType", Text.EnumName(row.AccessType, "NetIfAccess")),
            ("Flags", row.InterfaceAndOperStatusFlags.ToString()),
            ("LinkSpeed", Text.Speed(row.TransmitLinkSpeed) is { Length: > 0 } s ? s : "unknown"),
            ("ReceivedBytes", row.InOctets.ToString(CultureInfo.InvariantCulture)),
            ("ReceivedUnicastPackets", row.InUcastPkts.ToString(CultureInfo.InvariantCulture)),
            ("ReceivedMulticastPackets", row.InNUcastPkts.ToString(CultureInfo.InvariantCulture)),
            ("ReceivedDiscardedPackets", row.InDiscards.ToString(CultureInfo.InvariantCulture)),
            ("ReceivedPacketErrors", row.InErrors.ToString(CultureInfo.InvariantCulture)),
            ("SentBytes", row.OutOctets.ToString(CultureInfo.InvariantCulture)),
            ("SentPackets", row.OutUcastPkts.ToString(CultureInfo.InvariantCulture)),
            ("OutboundDiscardedPackets", row.OutDiscards.ToString(CultureInfo.InvariantCulture)),
            ("OutboundPacketErrors", row.OutErrors.ToString(CultureInfo.InvariantCulture)),
        };
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields) output.WriteLine($"{name.PadRight(width)} : {value}");
    }

    /// <summary>Get-NetAdapter's Status: Disabled when administratively down, Up, else Disconnected.</summary>
    private static string Status(in MibIfRow2 row) =>
        row.AdminStatus != NetIfAdminStatus.NetIfAdminStatusUp ? "Disabled"
        : row.OperStatus == IfOperStatus.IfOperStatusUp ? "Up"
        : "Disconnected";

    private static byte[] PhysicalAddress(in MibIfRow2 row) => row.GetPhysicalAddress().GetAddressBytes();

    private static byte[] PermanentAddress(in MibIfRow2 row) => row.GetPermanentPhysicalAddress().GetAddressBytes();
}
