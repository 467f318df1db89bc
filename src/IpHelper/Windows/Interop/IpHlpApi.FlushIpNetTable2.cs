using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS FlushIpNetTable2(ADDRESS_FAMILY, NET_IFINDEX).</summary>
    [LibraryImport(Library, EntryPoint = nameof(FlushIpNetTable2))]
    internal static partial uint FlushIpNetTable2(ushort family, uint interfaceIndex);
}
