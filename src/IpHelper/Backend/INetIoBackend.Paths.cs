using System.Net.Sockets;

namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>Every path entry of <paramref name="family"/> (Unspecified: both); NotFound, with an empty table, when there is none.</summary>
    BackendResult GetIpPathTable(AddressFamily family, out MibTable<MibIpPathRow>? table);

    /// <summary>
    /// Fills <paramref name="row"/> with the path entry to <paramref name="destination"/> through the interface
    /// (from <paramref name="source"/> when it is specified); NotFound when there is none.
    /// </summary>
    BackendResult GetIpPathEntry(in InterfaceIdentity identity, in SockAddrInet destination, in SockAddrInet source, ref MibIpPathRow row);

    /// <summary>Forgets every path entry of <paramref name="family"/> (Unspecified: both).</summary>
    BackendResult FlushIpPathTable(AddressFamily family);
}
