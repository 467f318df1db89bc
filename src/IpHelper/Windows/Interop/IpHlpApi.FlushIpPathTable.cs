using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS FlushIpPathTable(ADDRESS_FAMILY).</summary>
    [LibraryImport(Library, EntryPoint = nameof(FlushIpPathTable))]
    internal static partial uint FlushIpPathTable(ushort family);
}
