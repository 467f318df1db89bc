using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>
    /// iphlpapi has no streaming reader: GetIpForwardTable2 reads the whole table, whose rows are then
    /// handed out in batches (docs/windows.md). ERROR_NOT_FOUND is an empty stream.
    /// </summary>
    public BackendResult EnumerateIpForwardTable(AddressFamily family, RouteTableSelection tables, out IMibRowSource<MibIpForwardRow2>? rows)
    {
        rows = null;
        var result = GetIpForwardTable(family, tables, out var table);
        if (result != NetIoStatus.Success && !(result == NetIoStatus.NotFound && table is not null))
        {
            table?.Dispose();
            return result;
        }
        rows = new MibTableRowSource<MibIpForwardRow2>(table!);
        return BackendResult.Success;
    }
}
