using System.Net.Sockets;

namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>Every neighbour entry of <paramref name="family"/> (Unspecified: both); NotFound, with an empty table, when there is none.</summary>
    BackendResult GetIpNetTable(AddressFamily family, out MibTable<MibIpNetRow2>? table);

    /// <summary>Fills <paramref name="row"/> with the entry for <paramref name="address"/> on the interface; NotFound when there is none.</summary>
    BackendResult GetIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address, ref MibIpNetRow2 row);

    /// <summary>Adds the entry <paramref name="row"/> describes on the interface; ObjectAlreadyExists when one is there.</summary>
    BackendResult CreateIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row);

    /// <summary>Replaces the physical address, state and router flag of an existing entry; NotFound when there is none.</summary>
    BackendResult SetIpNetEntry(in InterfaceIdentity identity, in MibIpNetRow2 row);

    /// <summary>Deletes the entry for <paramref name="address"/> on the interface; NotFound when there is none.</summary>
    BackendResult DeleteIpNetEntry(in InterfaceIdentity identity, in SockAddrInet address);

    /// <summary>Deletes the dynamic entries of <paramref name="family"/> (Unspecified: both) on one interface, or on all when the index is 0.</summary>
    BackendResult FlushIpNetTable(AddressFamily family, uint interfaceIndex);

    /// <summary>
    /// Resolves <paramref name="address"/> on the interface <paramref name="interfaceIndex"/> (0: the interface
    /// that owns <paramref name="source"/>, else the interface of the route to the address) and fills
    /// <paramref name="row"/>; BadNetName when nothing answers in time.
    /// </summary>
    BackendResult ResolveIpNetEntry(uint interfaceIndex, in SockAddrInet address, in SockAddrInet source, ref MibIpNetRow2 row);
}
