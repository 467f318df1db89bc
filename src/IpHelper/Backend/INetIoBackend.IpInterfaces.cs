using System.Net.Sockets;

namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>
    /// Fills <paramref name="row"/> with the <paramref name="family"/> settings of the interface with this
    /// index: FileNotFound when no such interface exists, NotFound when it has no state for that family.
    /// </summary>
    BackendResult GetIpInterfaceEntry(AddressFamily family, uint interfaceIndex, ref MibIpInterfaceRow row);

    /// <summary>One row per interface and family (<paramref name="family"/> Unspecified: IPv4 rows, then IPv6 rows).</summary>
    BackendResult GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table);

    /// <summary>
    /// Applies <paramref name="row"/> (already validated for family and identity) to the interface with
    /// this index: every writable field, all or nothing.
    /// </summary>
    BackendResult SetIpInterfaceEntry(in MibIpInterfaceRow row, uint interfaceIndex);
}
