using System.Globalization;
using System.Text.Json;

namespace IpHelper.Cli.Output;

/// <summary>MIB_IF_ROW2 as JSON, as a Get-NetAdapter style table, and as a Format-List style record.</summary>
internal static class IfRowOutput
{
    /// <summary>The flags of InterfaceAndOperStatusFlags with their JSON names, encoded once (2,000 rows ask for each).</summary>
    internal static readonly (InterfaceAndOperStatusFlags Flag, JsonEncodedText Name)[] Flags =
        [.. Enum.GetValues<InterfaceAndOperStatusFlags>().Where(f => f != InterfaceAndOperStatusFlags.None).Select(f => (f, JsonEncodedText.Encode(f.ToString())))];

    internal static readonly JsonEnumNames<TunnelType> TunnelTypes = new("TunnelType");
    internal static readonly JsonEnumNames<NdisMedium> MediaTypes = new("NdisMedium");
    internal static readonly JsonEnumNames<NdisPhysicalMedium> PhysicalMediumTypes = new("NdisPhysicalMedium");
    internal static readonly JsonEnumNames<NetIfAccessType> AccessTypes = new("NetIfAccess");
    internal static readonly JsonEnumNames<NetIfDirectionType> DirectionTypes = new("NetIfDirection");
    internal static readonly JsonEnumNames<IfOperStatus> OperStatuses = new("IfOperStatus");
    internal static readonly JsonEnumNames<NetIfAdminStatus> AdminStatuses = new("NetIfAdminStatus");
    internal static readonly JsonEnumNames<NetIfMediaConnectState> MediaConnectStates = new("MediaConnectState");
    internal static readonly JsonEnumNames<NetIfConnectionType> ConnectionTypes = new("NetIfConnection");

    /// <summary>
    /// One row; names and enum values are encoded once, the alias and description written from the row's own
    /// characters and the MACs from its bytes: thousands of rows allocate nothing per field.
    /// </summary>
    public static void WriteJson(JsonOutput json, in MibIfRow2 row)
    {
        var w = json.Writer;
        w.WriteStartObject();
        json.Luid(Names.InterfaceLuid, row.InterfaceLuid);
        w.WriteNumber(Names.InterfaceIndex, row.InterfaceIndex);
        json.Guid(Names.InterfaceGuid, row.InterfaceGuid);
        w.WriteString(Names.Alias, UpToNul(row.AliasChars));
        w.WriteString(Names.Description, UpToNul(row.DescriptionChars));
        w.WriteNumber(Names.PhysicalAddressLength, row.PhysicalAddressLength);
        json.Mac(Names.PhysicalAddress, row.GetPhysicalAddressBytes());
        json.Mac(Names.PermanentPhysicalAddress, row.GetPermanentPhysicalAddressBytes());
        w.WriteNumber(Names.Mtu, row.Mtu);
        w.WriteNumber(Names.Type, (uint)row.Type);
        w.WriteString(Names.TunnelType, TunnelTypes[row.TunnelType]);
        w.WriteString(Names.MediaType, MediaTypes[row.MediaType]);
        w.WriteString(Names.PhysicalMediumType, PhysicalMediumTypes[row.PhysicalMediumType]);
        w.WriteString(Names.AccessType, AccessTypes[row.AccessType]);
        w.WriteString(Names.DirectionType, DirectionTypes[row.DirectionType]);
        w.WriteStartObject(Names.InterfaceAndOperStatusFlags);
        foreach (var (flag, name) in Flags) w.WriteBoolean(name, (row.InterfaceAndOperStatusFlags & flag) != 0);
        w.WriteEndObject();
        w.WriteString(Names.OperStatus, OperStatuses[row.OperStatus]);
        w.WriteString(Names.AdminStatus, AdminStatuses[row.AdminStatus]);
        w.WriteString(Names.MediaConnectState, MediaConnectStates[row.MediaConnectState]);
        json.Guid(Names.NetworkGuid, row.NetworkGuid);
        w.WriteString(Names.ConnectionType, ConnectionTypes[row.ConnectionType]);
        json.UInt64(Names.TransmitLinkSpeed, row.TransmitLinkSpeed);
        json.UInt64(Names.ReceiveLinkSpeed, row.ReceiveLinkSpeed);
        json.UInt64(Names.InOctets, row.InOctets);
        json.UInt64(Names.InUcastPkts, row.InUcastPkts);
        json.UInt64(Names.InNUcastPkts, row.InNUcastPkts);
        json.UInt64(Names.InDiscards, row.InDiscards);
        json.UInt64(Names.InErrors, row.InErrors);
        json.UInt64(Names.InUnknownProtos, row.InUnknownProtos);
        json.UInt64(Names.InUcastOctets, row.InUcastOctets);
        json.UInt64(Names.InMulticastOctets, row.InMulticastOctets);
        json.UInt64(Names.InBroadcastOctets, row.InBroadcastOctets);
        json.UInt64(Names.OutOctets, row.OutOctets);
        json.UInt64(Names.OutUcastPkts, row.OutUcastPkts);
        json.UInt64(Names.OutNUcastPkts, row.OutNUcastPkts);
        json.UInt64(Names.OutDiscards, row.OutDiscards);
        json.UInt64(Names.OutErrors, row.OutErrors);
        json.UInt64(Names.OutUcastOctets, row.OutUcastOctets);
        json.UInt64(Names.OutMulticastOctets, row.OutMulticastOctets);
        json.UInt64(Names.OutBroadcastOctets, row.OutBroadcastOctets);
        json.UInt64(Names.OutQLen, row.OutQLen);
        w.WriteEndObject();
        json.RowDone();
    }

    /// <summary>The characters of a WCHAR buffer before its first NUL (as <see cref="MibIfRow2.Alias"/> reads them, without a string).</summary>
    internal static ReadOnlySpan<char> UpToNul(in IfStringBuffer buffer)
    {
        ReadOnlySpan<char> chars = buffer;
        var end = chars.IndexOf('\0');
        return end < 0 ? chars : chars[..end];
    }

    /// <summary>The JSON field names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText InterfaceLuid = E(nameof(InterfaceLuid)), InterfaceIndex = E(nameof(InterfaceIndex)),
            InterfaceGuid = E(nameof(InterfaceGuid)), Alias = E(nameof(Alias)), Description = E(nameof(Description)),
            PhysicalAddressLength = E(nameof(PhysicalAddressLength)), PhysicalAddress = E(nameof(PhysicalAddress)),
            PermanentPhysicalAddress = E(nameof(PermanentPhysicalAddress)), Mtu = E(nameof(Mtu)), Type = E(nameof(Type)),
            TunnelType = E(nameof(TunnelType)), MediaType = E(nameof(MediaType)), PhysicalMediumType = E(nameof(PhysicalMediumType)),
            AccessType = E(nameof(AccessType)), DirectionType = E(nameof(DirectionType)),
            InterfaceAndOperStatusFlags = E(nameof(InterfaceAndOperStatusFlags)), OperStatus = E(nameof(OperStatus)),
            AdminStatus = E(nameof(AdminStatus)), MediaConnectState = E(nameof(MediaConnectState)), NetworkGuid = E(nameof(NetworkGuid)),
            ConnectionType = E(nameof(ConnectionType)), TransmitLinkSpeed = E(nameof(TransmitLinkSpeed)),
            ReceiveLinkSpeed = E(nameof(ReceiveLinkSpeed)), InOctets = E(nameof(InOctets)), InUcastPkts = E(nameof(InUcastPkts)),
            InNUcastPkts = E(nameof(InNUcastPkts)), InDiscards = E(nameof(InDiscards)), InErrors = E(nameof(InErrors)),
            InUnknownProtos = E(nameof(InUnknownProtos)), InUcastOctets = E(nameof(InUcastOctets)),
            InMulticastOctets = E(nameof(InMulticastOctets)), InBroadcastOctets = E(nameof(InBroadcastOctets)),
            OutOctets = E(nameof(OutOctets)), OutUcastPkts = E(nameof(OutUcastPkts)), OutNUcastPkts = E(nameof(OutNUcastPkts)),
            OutDiscards = E(nameof(OutDiscards)), OutErrors = E(nameof(OutErrors)), OutUcastOctets = E(nameof(OutUcastOctets)),
            OutMulticastOctets = E(nameof(OutMulticastOctets)), OutBroadcastOctets = E(nameof(OutBroadcastOctets)),
            OutQLen = E(nameof(OutQLen));

        private static JsonEncodedText E(string name) => JsonEncodedText.Encode(name);
    }

    /// <summary>The columns of Get-NetAdapter: Name, InterfaceDescription, ifIndex, Status, MacAddress, LinkSpeed.</summary>
    public static void WriteTable(TextWriter output, ReadOnlySpan<MibIfRow2> rows)
    {
        var table = new TextTable("Name", "InterfaceDescription", "ifIndex", "Status", "MacAddress", "LinkSpeed").DropFirst("InterfaceDescription", "LinkSpeed", "MacAddress");
        foreach (ref readonly var row in rows)
            table.Add(row.Alias, row.Description, row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), Status(row),
                Text.Mac(row.GetPhysicalAddressBytes()), Text.Speed(row.TransmitLinkSpeed));
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
            ("MacAddress", Text.Mac(row.GetPhysicalAddressBytes())), ("PermanentAddress", Text.Mac(row.GetPermanentPhysicalAddressBytes())),
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
}
