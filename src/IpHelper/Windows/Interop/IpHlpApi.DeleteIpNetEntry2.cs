using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS DeleteIpNetEntry2(const MIB_IPNET_ROW2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(DeleteIpNetEntry2))]
    internal static unsafe partial uint DeleteIpNetEntry2(MibIpNetRow2* row);
}
