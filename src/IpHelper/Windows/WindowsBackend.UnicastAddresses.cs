using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public BackendResult GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetUnicastIpAddressTable), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetUnicastIpAddressTable((ushort)family, out var native), native, nameof(IpHlpApi.GetUnicastIpAddressTable), out table);
    }

    public unsafe BackendResult GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row)
    {
        row = default;
        if (!IsAvailable(nameof(IpHlpApi.GetUnicastIpAddressEntry), out var missing)) return missing;
        var filled = new MibUnicastIpAddressRow { Address = address, InterfaceLuid = iface.Luid, InterfaceIndex = iface.Index };
        var error = IpHlpApi.GetUnicastIpAddressEntry(&filled);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetUnicastIpAddressEntry));
        row = filled;
        return BackendResult.Success;
    }

    public unsafe BackendResult CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        if (!IsAvailable(nameof(IpHlpApi.CreateUnicastIpAddressEntry), out var missing)) return missing;
        var wanted = OnInterface(row, iface);
        return Check(IpHlpApi.CreateUnicastIpAddressEntry(&wanted), nameof(IpHlpApi.CreateUnicastIpAddressEntry));
    }

    public unsafe BackendResult SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        if (!IsAvailable(nameof(IpHlpApi.SetUnicastIpAddressEntry), out var missing)) return missing;
        var wanted = OnInterface(row, iface);
        return Check(IpHlpApi.SetUnicastIpAddressEntry(&wanted), nameof(IpHlpApi.SetUnicastIpAddressEntry));
    }

    public unsafe BackendResult DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (!IsAvailable(nameof(IpHlpApi.DeleteUnicastIpAddressEntry), out var missing)) return missing;
        var key = new MibUnicastIpAddressRow { Address = address, InterfaceLuid = iface.Luid, InterfaceIndex = iface.Index };
        return Check(IpHlpApi.DeleteUnicastIpAddressEntry(&key), nameof(IpHlpApi.DeleteUnicastIpAddressEntry));
    }

    private static MibUnicastIpAddressRow OnInterface(MibUnicastIpAddressRow row, in InterfaceIdentity iface)
    {
        row.InterfaceLuid = iface.Luid;
        row.InterfaceIndex = iface.Index;
        return row;
    }
}
