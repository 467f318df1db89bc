using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS ConvertInterfaceLuidToGuid(const NET_LUID*, GUID*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(ConvertInterfaceLuidToGuid))]
    internal static partial uint ConvertInterfaceLuidToGuid(in NetLuid interfaceLuid, out Guid interfaceGuid);
}
