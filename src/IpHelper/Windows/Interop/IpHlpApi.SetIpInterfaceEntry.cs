using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS SetIpInterfaceEntry(PMIB_IPINTERFACE_ROW).</summary>
    [LibraryImport(Library, EntryPoint = nameof(SetIpInterfaceEntry))]
    internal static unsafe partial uint SetIpInterfaceEntry(MibIpInterfaceRow* row);
}
