using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpInterfaceTable(ADDRESS_FAMILY, PMIB_IPINTERFACE_TABLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpInterfaceTable))]
    internal static partial uint GetIpInterfaceTable(ushort family, out SafeFreeMibTable table);
}
