using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS ConvertInterfaceIndexToLuid(NET_IFINDEX, PNET_LUID).</summary>
    [LibraryImport(Library, EntryPoint = nameof(ConvertInterfaceIndexToLuid))]
    internal static partial uint ConvertInterfaceIndexToLuid(uint interfaceIndex, out NetLuid interfaceLuid);
}
