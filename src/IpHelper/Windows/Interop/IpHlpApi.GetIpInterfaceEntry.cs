using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIpInterfaceEntry(PMIB_IPINTERFACE_ROW): Family and InterfaceLuid or InterfaceIndex name the row.</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIpInterfaceEntry))]
    internal static unsafe partial uint GetIpInterfaceEntry(MibIpInterfaceRow* row);
}
