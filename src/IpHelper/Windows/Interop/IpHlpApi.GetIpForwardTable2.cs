using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpForwardTable2(ADDRESS_FAMILY, PMIB_IPFORWARD_TABLE2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpForwardTable2))]
    internal static partial uint GetIpForwardTable2(ushort family, out SafeFreeMibTable table);
}
