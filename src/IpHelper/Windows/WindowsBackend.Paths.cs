using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public BackendResult GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetIpPathTable), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetIpPathTable((ushort)family, out var native), native, nameof(IpHlpApi.GetIpPathTable), out table);
    }

    public unsafe BackendResult GetIpPathEntry(in InterfaceIdentity identity, in SockAddrInet destination, in SockAddrInet source, ref MibIpPathRow row)
    {
        if (!IsAvailable(nameof(IpHlpApi.GetIpPathEntry), out var missing)) return missing;
        var filled = new MibIpPathRow { Destination = destination, Source = source, InterfaceLuid = identity.Luid, InterfaceIndex = identity.Index };
        var error = IpHlpApi.GetIpPathEntry(&filled);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetIpPathEntry));
        row = filled;
        return BackendResult.Success;
    }

    public BackendResult FlushIpPathTable(AddressFamily family)
    {
        if (!IsAvailable(nameof(IpHlpApi.FlushIpPathTable), out var missing)) return missing;
        return Check(IpHlpApi.FlushIpPathTable((ushort)family), nameof(IpHlpApi.FlushIpPathTable));
    }
}
