using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetMulticastIpAddressEntry(PMIB_MULTICASTIPADDRESS_ROW).</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetMulticastIpAddressEntry))]
    internal static unsafe partial uint GetMulticastIpAddressEntry(MibMulticastIpAddressRow* row);
}
