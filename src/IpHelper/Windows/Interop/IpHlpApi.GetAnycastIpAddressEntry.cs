using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetAnycastIpAddressEntry(PMIB_ANYCASTIPADDRESS_ROW).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetAnycastIpAddressEntry))]
    internal static unsafe partial uint GetAnycastIpAddressEntry(MibAnycastIpAddressRow* row);
}
