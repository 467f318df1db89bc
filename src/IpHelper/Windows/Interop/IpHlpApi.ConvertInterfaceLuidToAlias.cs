using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS ConvertInterfaceLuidToAlias(const NET_LUID*, PWSTR, SIZE_T): the length is in characters, NUL included.</summary>
    [LibraryImport(Library, EntryPoint = nameof(ConvertInterfaceLuidToAlias))]
    internal static unsafe partial uint ConvertInterfaceLuidToAlias(in NetLuid interfaceLuid, char* interfaceAlias, nuint length);
}
