using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetAnycastIpAddressTable(ADDRESS_FAMILY, PMIB_ANYCASTIPADDRESS_TABLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetAnycastIpAddressTable))]
    internal static partial uint GetAnycastIpAddressTable(ushort family, out SafeFreeMibTable table);
}
