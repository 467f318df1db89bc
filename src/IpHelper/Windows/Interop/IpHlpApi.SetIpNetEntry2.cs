using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS SetIpNetEntry2(PMIB_IPNET_ROW2).</summary>
    [LibraryImport(Library, EntryPoint = nameof(SetIpNetEntry2))]
    internal static unsafe partial uint SetIpNetEntry2(MibIpNetRow2* row);
}
