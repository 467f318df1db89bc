using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS GetIfEntry2Ex(MIB_IF_ENTRY_LEVEL, PMIB_IF_ROW2): the row names the interface by InterfaceLuid or, when zero, InterfaceIndex.</summary>
    [LibraryImport(Library, EntryPoint = nameof(GetIfEntry2Ex))]
    internal static unsafe partial uint GetIfEntry2Ex(MibIfEntryLevel level, MibIfRow2* row);
}
