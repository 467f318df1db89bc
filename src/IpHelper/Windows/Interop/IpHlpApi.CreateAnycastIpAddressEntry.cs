using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS CreateAnycastIpAddressEntry(const MIB_ANYCASTIPADDRESS_ROW*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(CreateAnycastIpAddressEntry))]
    internal static unsafe partial uint CreateAnycastIpAddressEntry(MibAnycastIpAddressRow* row);
}
