using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS ConvertInterfaceGuidToLuid(const GUID*, PNET_LUID).</summary>
    [LibraryImport(Library, EntryPoint = nameof(ConvertInterfaceGuidToLuid))]
    internal static partial uint ConvertInterfaceGuidToLuid(in Guid interfaceGuid, out NetLuid interfaceLuid);
}
