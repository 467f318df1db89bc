using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public unsafe BackendResult GetIpInterfaceEntry(AddressFamily family, uint interfaceIndex, ref MibIpInterfaceRow row)
    {
        if (!IsAvailable(nameof(IpHlpApi.GetIpInterfaceEntry), out var missing)) return missing;
        var filled = new MibIpInterfaceRow { Family = family, InterfaceIndex = interfaceIndex };
        var error = IpHlpApi.GetIpInterfaceEntry(&filled);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetIpInterfaceEntry));
        row = filled;
        return BackendResult.Success;
    }

    public BackendResult GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetIpInterfaceTable), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetIpInterfaceTable((ushort)family, out var native), native, nameof(IpHlpApi.GetIpInterfaceTable), out table);
    }

    public unsafe BackendResult SetIpInterfaceEntry(in MibIpInterfaceRow row, uint interfaceIndex)
    {
        if (!IsAvailable(nameof(IpHlpApi.SetIpInterfaceEntry), out var missing)) return missing;
        var wanted = row;
        wanted.InterfaceLuid = default;
        wanted.InterfaceIndex = interfaceIndex;
        return Check(IpHlpApi.SetIpInterfaceEntry(&wanted), nameof(IpHlpApi.SetIpInterfaceEntry));
    }
}
