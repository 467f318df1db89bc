using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetBestRoute2(NET_LUID*, NET_IFINDEX, const SOCKADDR_INET*, const SOCKADDR_INET*, ULONG, PMIB_IPFORWARD_ROW2, SOCKADDR_INET*): the LUID and the source may be null.</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetBestRoute2))]
    internal static unsafe partial uint GetBestRoute2(NetLuid* interfaceLuid, uint interfaceIndex, SockAddrInet* sourceAddress, SockAddrInet* destinationAddress, uint addressSortOptions, MibIpForwardRow2* bestRoute, SockAddrInet* bestSourceAddress);
}
