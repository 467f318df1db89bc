using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS CreateIpNetEntry2(const MIB_IPNET_ROW2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(CreateIpNetEntry2))]
    internal static unsafe partial uint CreateIpNetEntry2(MibIpNetRow2* row);
}
