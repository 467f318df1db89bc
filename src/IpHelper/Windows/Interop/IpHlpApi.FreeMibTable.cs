using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>VOID FreeMibTable(PVOID): releases a table or list an iphlpapi function allocated.</summary>
    [LibraryImport(Library, EntryPoint = nameof(FreeMibTable))]
    internal static partial void FreeMibTable(nint memory);
}
