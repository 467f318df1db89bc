using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS ConvertInterfaceAliasToLuid(const WCHAR*, PNET_LUID): the alias as a NUL-terminated UTF-16 string.</summary>
    [LibraryImport(Library, EntryPoint = nameof(ConvertInterfaceAliasToLuid), StringMarshalling = StringMarshalling.Utf16)]
    internal static partial uint ConvertInterfaceAliasToLuid(string interfaceAlias, out NetLuid interfaceLuid);
}
