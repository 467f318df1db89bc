using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIfTable2Ex(MIB_IF_TABLE_LEVEL, PMIB_IF_TABLE2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIfTable2Ex))]
    internal static partial uint GetIfTable2Ex(MibIfTableLevel level, out SafeFreeMibTable table);
}
