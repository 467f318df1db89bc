using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public BackendResult GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetMulticastIpAddressTable), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetMulticastIpAddressTable((ushort)family, out var native), native, nameof(IpHlpApi.GetMulticastIpAddressTable), out table);
    }

    public unsafe BackendResult GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row)
    {
        row = default;
        if (!IsAvailable(nameof(IpHlpApi.GetMulticastIpAddressEntry), out var missing)) return missing;
        var filled = new MibMulticastIpAddressRow { Address = address, InterfaceLuid = iface.Luid, InterfaceIndex = iface.Index };
        var error = IpHlpApi.GetMulticastIpAddressEntry(&filled);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetMulticastIpAddressEntry));
        row = filled;
        return BackendResult.Success;
    }
}
