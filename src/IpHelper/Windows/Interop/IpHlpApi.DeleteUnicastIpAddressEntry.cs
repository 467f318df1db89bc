using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS DeleteUnicastIpAddressEntry(const MIB_UNICASTIPADDRESS_ROW*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(DeleteUnicastIpAddressEntry))]
    internal static unsafe partial uint DeleteUnicastIpAddressEntry(MibUnicastIpAddressRow* row);
}
