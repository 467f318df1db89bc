using System.Globalization;

namespace IpHelper.Cli.Output;

/// <summary>MIB_ANYCASTIPADDRESS_ROW and MIB_MULTICASTIPADDRESS_ROW as JSON and as a table (ifIndex, InterfaceAlias, IPAddress).</summary>
internal static class MembershipRowOutput
{
    public static void WriteJson(JsonOutput json, in MibAnycastIpAddressRow row) =>
        Write(json, row.Address, row.InterfaceLuid, row.InterfaceIndex, row.ScopeId);

    public static void WriteJson(JsonOutput json, in MibMulticastIpAddressRow row) =>
        Write(json, row.Address, row.InterfaceLuid, row.InterfaceIndex, row.ScopeId);

    public static void WriteTable(TextWriter output, IEnumerable<(uint Index, SockAddrInet Address)> rows, IReadOnlyDictionary<uint, string> names)
    {
        var table = new TextTable("ifIndex", "InterfaceAlias", "IPAddress");
        foreach (var (index, address) in rows)
            table.Add(index.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(index, ""), address.ToString());
        table.Write(output);
    }

    private static void Write(JsonOutput json, in SockAddrInet address, NetLuid luid, uint index, ScopeId scopeId)
    {
        var w = json.Writer;
        w.WriteStartObject();
        json.Address("Address", address);
        json.Luid("InterfaceLuid", luid);
        w.WriteNumber("InterfaceIndex", index);
        w.WriteNumber("ScopeId", scopeId.Value);
        w.WriteEndObject();
    }
}
