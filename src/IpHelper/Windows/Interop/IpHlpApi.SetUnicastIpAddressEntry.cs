using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS SetUnicastIpAddressEntry(const MIB_UNICASTIPADDRESS_ROW*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(SetUnicastIpAddressEntry))]
    internal static unsafe partial uint SetUnicastIpAddressEntry(MibUnicastIpAddressRow* row);
}
