using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS DeleteIpForwardEntry2(const MIB_IPFORWARD_ROW2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(DeleteIpForwardEntry2))]
    internal static unsafe partial uint DeleteIpForwardEntry2(MibIpForwardRow2* row);
}
