using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Cli.Output;

/// <summary>MIB_IPINTERFACE_ROW as JSON, as a Get-NetIPInterface table, and as a Format-List record.</summary>
internal static class IpInterfaceRowOutput
{
    public static void WriteJson(JsonOutput json, in MibIpInterfaceRow row)
    {
        var w = json.Writer;
        w.WriteStartObject();
        w.WriteString("Family", FamilyName(row.Family));
        json.Luid("InterfaceLuid", row.InterfaceLuid);
        w.WriteNumber("InterfaceIndex", row.InterfaceIndex);
        w.WriteNumber("MaxReassemblySize", row.MaxReassemblySize);
        json.UInt64("InterfaceIdentifier", row.InterfaceIdentifier);
        w.WriteNumber("MinRouterAdvertisementInterval", row.MinRouterAdvertisementInterval);
        w.WriteNumber("MaxRouterAdvertisementInterval", row.MaxRouterAdvertisementInterval);
        w.WriteBoolean("AdvertisingEnabled", row.AdvertisingEnabled);
        w.WriteBoolean("ForwardingEnabled", row.ForwardingEnabled);
        w.WriteBoolean("WeakHostSend", row.WeakHostSend);
        w.WriteBoolean("WeakHostReceive", row.WeakHostReceive);
        w.WriteBoolean("UseAutomaticMetric", row.UseAutomaticMetric);
        w.WriteBoolean("UseNeighborUnreachabilityDetection", row.UseNeighborUnreachabilityDetection);
        w.WriteBoolean("ManagedAddressConfigurationSupported", row.ManagedAddressConfigurationSupported);
        w.WriteBoolean("OtherStatefulConfigurationSupported", row.OtherStatefulConfigurationSupported);
        w.WriteBoolean("AdvertiseDefaultRoute", row.AdvertiseDefaultRoute);
        json.Enum("RouterDiscoveryBehavior", row.RouterDiscoveryBehavior, "RouterDiscovery");
        w.WriteNumber("DadTransmits", row.DadTransmits);
        w.WriteNumber("BaseReachableTime", row.BaseReachableTime);
        w.WriteNumber("RetransmitTime", row.RetransmitTime);
        w.WriteNumber("PathMtuDiscoveryTimeout", row.PathMtuDiscoveryTimeout);
        json.Enum("LinkLocalAddressBehavior", row.LinkLocalAddressBehavior, "LinkLocal");
        w.WriteNumber("LinkLocalAddressTimeout", row.LinkLocalAddressTimeout);
        w.WriteStartArray("ZoneIndices");
        foreach (var zone in (ReadOnlySpan<uint>)row.ZoneIndices) w.WriteNumberValue(zone);
        w.WriteEndArray();
        w.WriteNumber("SitePrefixLength", row.SitePrefixLength);
        w.WriteNumber("Metric", row.Metric);
        w.WriteNumber("NlMtu", row.NlMtu);
        w.WriteBoolean("Connected", row.Connected);
        w.WriteBoolean("SupportsWakeUpPatterns", row.SupportsWakeUpPatterns);
        w.WriteBoolean("SupportsNeighborDiscovery", row.SupportsNeighborDiscovery);
        w.WriteBoolean("SupportsRouterDiscovery", row.SupportsRouterDiscovery);
        w.WriteNumber("ReachableTime", row.ReachableTime);
        WriteOffload(json, "TransmitOffload", row.TransmitOffload);
        WriteOffload(json, "ReceiveOffload", row.ReceiveOffload);
        w.WriteBoolean("DisableDefaultRoutes", row.DisableDefaultRoutes);
        w.WriteEndObject();
        json.RowDone();
    }

    /// <summary>
    /// The columns of Get-NetIPInterface: ifIndex, InterfaceAlias, AddressFamily, NlMtu(Bytes),
    /// InterfaceMetric, Dhcp, ConnectionState, PolicyStore. Linux has no DHCP in the kernel: Dhcp shows
    /// whether the last router advertisement asked for DHCPv6 (M or O flag), and "Unknown" for IPv4.
    /// Every setting is live kernel state, so PolicyStore is ActiveStore.
    /// </summary>
    public static void WriteTable(TextWriter output, ReadOnlySpan<MibIpInterfaceRow> rows, IReadOnlyDictionary<uint, string> aliases)
    {
        var table = new TextTable("ifIndex", "InterfaceAlias", "AddressFamily", "NlMtu(Bytes)", "InterfaceMetric", "Dhcp", "ConnectionState", "PolicyStore").DropFirst("PolicyStore", "Dhcp", "ConnectionState");
        foreach (ref readonly var row in rows)
            table.Add(row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), aliases.GetValueOrDefault(row.InterfaceIndex, ""),
                row.Family == AddressFamily.InterNetwork ? "IPv4" : "IPv6", row.NlMtu.ToString(CultureInfo.InvariantCulture),
                row.Metric.ToString(CultureInfo.InvariantCulture), Dhcp(row), row.Connected ? "Connected" : "Disconnected", "ActiveStore");
        table.Write(output);
    }

    /// <summary>Every field, one per line, like Format-List.</summary>
    public static void WriteList(TextWriter output, in MibIpInterfaceRow row, string alias)
    {
        static string N(ulong value) => value.ToString(CultureInfo.InvariantCulture);
        var fields = new (string Name, string Value)[]
        {
            ("InterfaceAlias", alias), ("ifIndex", N(row.InterfaceIndex)), ("InterfaceLuid", N(row.InterfaceLuid.Value)),
            ("AddressFamily", row.Family == AddressFamily.InterNetwork ? "IPv4" : "IPv6"),
            ("Forwarding", row.ForwardingEnabled ? "Enabled" : "Disabled"),
            ("Advertising", row.AdvertisingEnabled ? "Enabled" : "Disabled"),
            ("NlMtu(Bytes)", N(row.NlMtu)), ("AutomaticMetric", row.UseAutomaticMetric ? "Enabled" : "Disabled"),
            ("InterfaceMetric", N(row.Metric)),
            ("NeighborDiscoverySupported", row.SupportsNeighborDiscovery ? "Yes" : "No"),
            ("NeighborUnreachabilityDetection", row.UseNeighborUnreachabilityDetection ? "Enabled" : "Disabled"),
            ("BaseReachableTime(ms)", N(row.BaseReachableTime)), ("ReachableTime(ms)", N(row.ReachableTime)),
            ("RetransmitTime(ms)", N(row.RetransmitTime)), ("DadTransmits", N(row.DadTransmits)),
            ("RouterDiscovery", Text.EnumName(row.RouterDiscoveryBehavior, "RouterDiscovery")),
            ("RouterDiscoverySupported", row.SupportsRouterDiscovery ? "Yes" : "No"),
            ("ManagedAddressConfiguration", row.ManagedAddressConfigurationSupported ? "Enabled" : "Disabled"),
            ("OtherStatefulConfiguration", row.OtherStatefulConfigurationSupported ? "Enabled" : "Disabled"),
            ("WeakHostSend", row.WeakHostSend ? "Enabled" : "Disabled"), ("WeakHostReceive", row.WeakHostReceive ? "Enabled" : "Disabled"),
            ("IgnoreDefaultRoutes", row.DisableDefaultRoutes ? "Enabled" : "Disabled"),
            ("AdvertiseDefaultRoute", row.AdvertiseDefaultRoute ? "Enabled" : "Disabled"),
            ("LinkLocalAddressBehavior", Text.EnumName(row.LinkLocalAddressBehavior, "LinkLocal")),
            ("InterfaceIdentifier", InterfaceIdentifier(row.InterfaceIdentifier)),
            ("PathMtuDiscoveryTimeout(ms)", N(row.PathMtuDiscoveryTimeout)),
            ("ZoneIndices", string.Join(' ', ((ReadOnlySpan<uint>)row.ZoneIndices).ToArray())),
            ("ConnectionState", row.Connected ? "Connected" : "Disconnected"),
            ("WakeUpPatternsSupported", row.SupportsWakeUpPatterns ? "Yes" : "No"),
            ("TransmitOffload", row.TransmitOffload.ToString()), ("ReceiveOffload", row.ReceiveOffload.ToString()),
            ("PolicyStore", "ActiveStore"),
        };
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields) output.WriteLine($"{name.PadRight(width)} : {value}");
    }

    /// <summary>ADDRESS_FAMILY by its Windows constant name.</summary>
    public static string FamilyName(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "AF_INET",
        AddressFamily.InterNetworkV6 => "AF_INET6",
        AddressFamily.Unspecified => "AF_UNSPEC",
        _ => ((int)family).ToString(CultureInfo.InvariantCulture),
    };

    private static string Dhcp(in MibIpInterfaceRow row) =>
        row.Family == AddressFamily.InterNetwork ? "Unknown"
        : row.ManagedAddressConfigurationSupported || row.OtherStatefulConfigurationSupported ? "Enabled" : "Disabled";

    /// <summary>NL_INTERFACE_OFFLOAD_ROD as an object of its eight one-bit flags.</summary>
    private static void WriteOffload(JsonOutput json, string name, NlInterfaceOffloadRod offload)
    {
        var w = json.Writer;
        w.WriteStartObject(name);
        foreach (var flag in Enum.GetValues<NlInterfaceOffloadRod>())
            if (flag != NlInterfaceOffloadRod.None) w.WriteBoolean(flag.ToString(), offload.HasFlag(flag));
        w.WriteEndObject();
    }

    /// <summary>
    /// The identifier as the low 64 bits of an IPv6 address show it ("8869:dfff:fe44:91ce" for
    /// fe80::8869:dfff:fe44:91ce): the field holds the bytes in address order, so its number, read on a
    /// little-endian machine, is byte-reversed.
    /// </summary>
    private static string InterfaceIdentifier(ulong value)
    {
        var bytes = BitConverter.GetBytes(value);
        return string.Join(':', Enumerable.Range(0, 4).Select(i => (bytes[2 * i] << 8 | bytes[2 * i + 1]).ToString("x", CultureInfo.InvariantCulture)));
    }
}
