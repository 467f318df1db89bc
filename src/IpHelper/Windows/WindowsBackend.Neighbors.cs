using System.Net.Sockets;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    public BackendResult GetIpNetTable(AddressFamily family, out MibTable<MibIpNetRow2>? table)
    {
        table = null;
        if (!IsAvailable(nameof(IpHlpApi.GetIpNetTable2), out var missing)) return missing;
        return ReadTable(IpHlpApi.GetIpNetTable2((ushort)family, out var native), native, nameof(IpHlpApi.GetIpNetTable2), out table);
    }

    public unsafe BackendResult GetIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address, ref MibIpNetRow2 row)
    {
        if (!IsAvailable(nameof(IpHlpApi.GetIpNetEntry2), out var missing)) return missing;
        var filled = new MibIpNetRow2 { Address = address, InterfaceLuid = identity.Luid, InterfaceIndex = identity.Index };
        var error = IpHlpApi.GetIpNetEntry2(&filled);
        if (error != 0) return Check(error, nameof(IpHlpApi.GetIpNetEntry2));
        row = filled;
        return BackendResult.Success;
    }

    public unsafe BackendResult CreateIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row)
    {
        if (!IsAvailable(nameof(IpHlpApi.CreateIpNetEntry2), out var missing)) return missing;
        var wanted = OnInterface(row, identity);
        return Check(IpHlpApi.CreateIpNetEntry2(&wanted), nameof(IpHlpApi.CreateIpNetEntry2));
    }

    public unsafe BackendResult SetIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row)
    {
        if (!IsAvailable(nameof(IpHlpApi.SetIpNetEntry2), out var missing)) return missing;
        var wanted = OnInterface(row, identity);
        return Check(IpHlpApi.SetIpNetEntry2(&wanted), nameof(IpHlpApi.SetIpNetEntry2));
    }

    public unsafe BackendResult DeleteIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address)
    {
        if (!IsAvailable(nameof(IpHlpApi.DeleteIpNetEntry2), out var missing)) return missing;
        var key = new MibIpNetRow2 { Address = address, InterfaceLuid = identity.Luid, InterfaceIndex = identity.Index };
        return Check(IpHlpApi.DeleteIpNetEntry2(&key), nameof(IpHlpApi.DeleteIpNetEntry2));
    }

    public BackendResult FlushIpNetTable(AddressFamily family, uint interfaceIndex)
    {
        if (!IsAvailable(nameof(IpHlpApi.FlushIpNetTable2), out var missing)) return missing;
        return Check(IpHlpApi.FlushIpNetTable2((ushort)family, interfaceIndex), nameof(IpHlpApi.FlushIpNetTable2));
    }

    /// <summary>
    /// ResolveIpNetEntry2 with the interface index (0: Windows picks the interface) and, when it is
    /// specified, the source address.
    /// </summary>
    public unsafe BackendResult ResolveIpNetEntry(uint interfaceIndex, in SockAddrInet address, in SockAddrInet source, ref MibIpNetRow2 row)
    {
        if (!IsAvailable(nameof(IpHlpApi.ResolveIpNetEntry2), out var missing)) return missing;
        var filled = new MibIpNetRow2 { Address = address, InterfaceIndex = interfaceIndex };
        var from = source;
        var error = IpHlpApi.ResolveIpNetEntry2(&filled, from.Family == AddressFamily.Unspecified ? null : &from);
        if (error != 0) return Check(error, nameof(IpHlpApi.ResolveIpNetEntry2));
        row = filled;
        return BackendResult.Success;
    }

    private static MibIpNetRow2 OnInterface(MibIpNetRow2 row, in InterfaceIdentity identity)
    {
        row.InterfaceLuid = identity.Luid;
        row.InterfaceIndex = identity.Index;
        return row;
    }
}
