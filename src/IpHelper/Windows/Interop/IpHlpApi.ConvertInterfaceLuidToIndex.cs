using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS ConvertInterfaceLuidToIndex(const NET_LUID*, PNET_IFINDEX).</summary>
    [LibraryImport(Library, EntryPoint = nameof(ConvertInterfaceLuidToIndex))]
    internal static partial uint ConvertInterfaceLuidToIndex(in NetLuid interfaceLuid, out uint interfaceIndex);
}
