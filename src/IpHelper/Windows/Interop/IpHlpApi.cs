using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace IpHelper.Windows;

/// <summary>
/// The iphlpapi.dll functions the Windows backend calls, one file each (IpHlpApi.&lt;Function&gt;.cs).
/// Every row is passed as it is: the MIB structs already have the Windows x64 layout.
/// </summary>
internal static partial class IpHlpApi
{
    internal const string Library = "iphlpapi.dll";

    private static readonly ConcurrentDictionary<string, bool> s_exports = new(StringComparer.Ordinal);

    /// <summary>
    /// True when iphlpapi.dll exports <paramref name="function"/>. Windows exports every function the
    /// backend calls since Vista; Wine and older systems lack some, and calling a missing export would
    /// throw EntryPointNotFoundException, so the backend asks first (once per name).
    /// </summary>
    internal static bool IsExported(string function) => s_exports.GetOrAdd(function, static name =>
        NativeLibrary.TryLoad(Library, typeof(IpHlpApi).Assembly, DllImportSearchPath.System32, out var library)
        && NativeLibrary.TryGetExport(library, name, out _));
}
