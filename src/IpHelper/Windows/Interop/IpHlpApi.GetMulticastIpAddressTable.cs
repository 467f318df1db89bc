using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetMulticastIpAddressTable(ADDRESS_FAMILY, PMIB_MULTICASTIPADDRESS_TABLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetMulticastIpAddressTable))]
    internal static partial uint GetMulticastIpAddressTable(ushort family, out SafeFreeMibTable table);
}
