using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW): Address and InterfaceLuid or InterfaceIndex name the row.</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetUnicastIpAddressEntry))]
    internal static unsafe partial uint GetUnicastIpAddressEntry(MibUnicastIpAddressRow* row);
}
