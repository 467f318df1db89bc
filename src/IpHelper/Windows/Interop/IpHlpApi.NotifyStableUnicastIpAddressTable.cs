using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>
    /// NETIO_STATUS NotifyStableUnicastIpAddressTable(ADDRESS_FAMILY, PMIB_UNICASTIPADDRESS_TABLE*,
    /// PSTABLE_UNICAST_IPADDRESS_TABLE_CALLBACK, PVOID, HANDLE*): the table now (NO_ERROR), or ERROR_IO_PENDING
    /// and a handle, the callback later getting a table it must release with FreeMibTable.
    /// </summary>
    [LibraryImport(Library, EntryPoint = nameof(NotifyStableUnicastIpAddressTable))]
    internal static unsafe partial uint NotifyStableUnicastIpAddressTable(ushort family, out SafeFreeMibTable table,
        delegate* unmanaged<nint, nint, void> callback, nint callerContext, out SafeCancelMibChangeNotify notificationHandle);
}
