using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetUnicastIpAddressTable(ADDRESS_FAMILY, PMIB_UNICASTIPADDRESS_TABLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetUnicastIpAddressTable))]
    internal static partial uint GetUnicastIpAddressTable(ushort family, out SafeFreeMibTable table);
}
