using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS CreateSortedAddressPairs(const PSOCKADDR_IN6, ULONG, const PSOCKADDR_IN6, ULONG, ULONG, PSOCKADDR_IN6_PAIR*, ULONG*): the pair list is one allocation that FreeMibTable releases.</summary>
    [LibraryImport(Library, EntryPoint = nameof(CreateSortedAddressPairs))]
    internal static unsafe partial uint CreateSortedAddressPairs(SockAddrInet* sourceAddressList, uint sourceAddressCount, SockAddrInet* destinationAddressList, uint destinationAddressCount, uint addressSortOptions, out SafeFreeMibTable sortedAddressPairList, out uint sortedAddressPairCount);
}
