using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpNetTable2(ADDRESS_FAMILY, PMIB_IPNET_TABLE2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpNetTable2))]
    internal static partial uint GetIpNetTable2(ushort family, out SafeFreeMibTable table);
}
