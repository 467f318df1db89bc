using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpForwardEntry2(PMIB_IPFORWARD_ROW2).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpForwardEntry2))]
    internal static unsafe partial uint GetIpForwardEntry2(MibIpForwardRow2* row);
}
