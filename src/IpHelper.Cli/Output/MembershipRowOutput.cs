using System.Globalization;
using IpHelper.Cli.Commands;

namespace IpHelper.Cli.Output;

/// <summary>MIB_ANYCASTIPADDRESS_ROW and MIB_MULTICASTIPADDRESS_ROW (the same four fields) as JSON and as a table (ifIndex, InterfaceAlias, IPAddress).</summary>
internal static class MembershipRowOutput
{
    /// <summary>The fields the two rows share.</summary>
    public readonly record struct Row(SockAddrInet Address, NetLuid InterfaceLuid, uint InterfaceIndex, ScopeId ScopeId);

    public static Row Of(in MibAnycastIpAddressRow row) => new(row.Address, row.InterfaceLuid, row.InterfaceIndex, row.ScopeId);

    public static Row Of(in MibMulticastIpAddressRow row) => new(row.Address, row.InterfaceLuid, row.InterfaceIndex, row.ScopeId);

    /// <summary>Prints the rows as a JSON array (with --json) or as a table.</summary>
    public static void Write(bool asJson, IReadOnlyList<Row> rows)
    {
        if (asJson)
        {
            using var json = new JsonOutput();
            var w = json.Writer;
            w.WriteStartArray();
            foreach (var row in rows)
            {
                w.WriteStartObject();
                json.Address("Address", row.Address);
                json.Luid("InterfaceLuid", row.InterfaceLuid);
                w.WriteNumber("InterfaceIndex", row.InterfaceIndex);
                w.WriteNumber("ScopeId", row.ScopeId.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            return;
        }
        var names = InterfaceAliases.All();
        var table = new TextTable("ifIndex", "InterfaceAlias", "IPAddress");
        foreach (var row in rows)
            table.Add(row.InterfaceIndex.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(row.InterfaceIndex, ""), row.Address.ToString());
        table.Write(Console.Out);
    }
}
