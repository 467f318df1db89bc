using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS SetIpForwardEntry2(const MIB_IPFORWARD_ROW2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(SetIpForwardEntry2))]
    internal static unsafe partial uint SetIpForwardEntry2(MibIpForwardRow2* row);
}
