using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public BackendResult GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetAnycastIpAddressTable), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetAnycastIpAddressTable((ushort)family, out var native), native, nameof(IpHlpApi.GetAnycastIpAddressTable), out table);
    }

    public unsafe BackendResult GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row)
    {
        row = default;
        if (!IsAvailable(nameof(IpHlpApi.GetAnycastIpAddressEntry), out var missing)) return missing;
        var filled = new MibAnycastIpAddressRow { Address = address, InterfaceLuid = iface.Luid, InterfaceIndex = iface.Index };
        var error = IpHlpApi.GetAnycastIpAddressEntry(&filled);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetAnycastIpAddressEntry));
        row = filled;
        return BackendResult.Success;
    }

    public unsafe BackendResult CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (!IsAvailable(nameof(IpHlpApi.CreateAnycastIpAddressEntry), out var missing)) return missing;
        var row = new MibAnycastIpAddressRow { Address = address, InterfaceLuid = iface.Luid, InterfaceIndex = iface.Index };
        return Check(IpHlpApi.CreateAnycastIpAddressEntry(&row), nameof(IpHlpApi.CreateAnycastIpAddressEntry));
    }

    public unsafe BackendResult DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (!IsAvailable(nameof(IpHlpApi.DeleteAnycastIpAddressEntry), out var missing)) return missing;
        var row = new MibAnycastIpAddressRow { Address = address, InterfaceLuid = iface.Luid, InterfaceIndex = iface.Index };
        return Check(IpHlpApi.DeleteAnycastIpAddressEntry(&row), nameof(IpHlpApi.DeleteAnycastIpAddressEntry));
    }
}
