using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpPathEntry(PMIB_IPPATH_ROW).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpPathEntry))]
    internal static unsafe partial uint GetIpPathEntry(MibIpPathRow* row);
}
