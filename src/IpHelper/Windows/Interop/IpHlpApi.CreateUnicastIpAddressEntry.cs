using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS CreateUnicastIpAddressEntry(const MIB_UNICASTIPADDRESS_ROW*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(CreateUnicastIpAddressEntry))]
    internal static unsafe partial uint CreateUnicastIpAddressEntry(MibUnicastIpAddressRow* row);
}
