using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpPathTable(ADDRESS_FAMILY, PMIB_IPPATH_TABLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpPathTable))]
    internal static partial uint GetIpPathTable(ushort family, out SafeFreeMibTable table);
}
