using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS DeleteAnycastIpAddressEntry(const MIB_ANYCASTIPADDRESS_ROW*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(DeleteAnycastIpAddressEntry))]
    internal static unsafe partial uint DeleteAnycastIpAddressEntry(MibAnycastIpAddressRow* row);
}
