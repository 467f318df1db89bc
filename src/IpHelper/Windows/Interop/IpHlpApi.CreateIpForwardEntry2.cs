using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS CreateIpForwardEntry2(const MIB_IPFORWARD_ROW2*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(CreateIpForwardEntry2))]
    internal static unsafe partial uint CreateIpForwardEntry2(MibIpForwardRow2* row);
}
