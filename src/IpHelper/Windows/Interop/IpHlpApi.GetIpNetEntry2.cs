using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpNetEntry2(PMIB_IPNET_ROW2).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpNetEntry2))]
    internal static unsafe partial uint GetIpNetEntry2(MibIpNetRow2* row);
}
