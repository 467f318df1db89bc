using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public BackendResult GetIpForwardTable(AddressFamily family, RouteTableSelection tables, out MibTable<MibIpForwardRow2>? table)
    {
        table = null;
        if (!IsOneTable(tables, out var status) || !IsAvailable(nameof(IpHlpApi.GetIpForwardTable2), out status)) return status;
        return ReadTable(IpHlpApi.GetIpForwardTable2((ushort)family, out var native), native, nameof(IpHlpApi.GetIpForwardTable2), out table);
    }

    public unsafe BackendResult GetIpForwardEntry(RouteTableSelection tables, ref MibIpForwardRow2 row)
    {
        if (!IsOneTable(tables, out var status) || !IsAvailable(nameof(IpHlpApi.GetIpForwardEntry2), out status)) return status;
        var filled = ByIndex(row);
        var error = IpHlpApi.GetIpForwardEntry2(&filled);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetIpForwardEntry2));
        row = filled;
        return BackendResult.Success;
    }

    public unsafe BackendResult CreateIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        if (!IsOneTable(tables, out var status) || !IsAvailable(nameof(IpHlpApi.CreateIpForwardEntry2), out status)) return status;
        var wanted = ByIndex(row);
        return Check(IpHlpApi.CreateIpForwardEntry2(&wanted), nameof(IpHlpApi.CreateIpForwardEntry2));
    }

    public unsafe BackendResult SetIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        if (!IsOneTable(tables, out var status) || !IsAvailable(nameof(IpHlpApi.SetIpForwardEntry2), out status)) return status;
        var wanted = ByIndex(row);
        return Check(IpHlpApi.SetIpForwardEntry2(&wanted), nameof(IpHlpApi.SetIpForwardEntry2));
    }

    public unsafe BackendResult DeleteIpForwardEntry(RouteTableSelection tables, in MibIpForwardRow2 row)
    {
        if (!IsOneTable(tables, out var status) || !IsAvailable(nameof(IpHlpApi.DeleteIpForwardEntry2), out status)) return status;
        var key = ByIndex(row);
        return Check(IpHlpApi.DeleteIpForwardEntry2(&key), nameof(IpHlpApi.DeleteIpForwardEntry2));
    }

    /// <summary>
    /// Windows has one route table per compartment: RouteTables.Enter (a Linux extension choosing
    /// kernel tables) is NotSupported there, and the default selection means that one table.
    /// </summary>
    private static bool IsOneTable(RouteTableSelection tables, out BackendResult status)
    {
        if (tables == RouteTableSelection.Default)
        {
            status = BackendResult.Success;
            return true;
        }
        status = BackendResult.Fail(NetIoStatus.NotSupported, $"Windows has one route table; RouteTables.Enter ({tables}) is a Linux extension", "RouteTables");
        return false;
    }

    /// <summary>The row with its LUID zeroed: NetIo resolved the interface to InterfaceIndex, which iphlpapi then uses.</summary>
    private static MibIpForwardRow2 ByIndex(MibIpForwardRow2 row)
    {
        row.InterfaceLuid = default;
        return row;
    }
}
