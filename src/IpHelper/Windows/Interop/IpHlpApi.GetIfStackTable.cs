using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIfStackTable(PMIB_IFSTACK_TABLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIfStackTable))]
    internal static partial uint GetIfStackTable(out SafeFreeMibTable table);
}
