using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS CancelMibChangeNotify2(HANDLE): waits for a running callback, and none is called afterwards.</summary>
    [LibraryImport(Library, EntryPoint = nameof(CancelMibChangeNotify2))]
    internal static partial uint CancelMibChangeNotify2(nint notificationHandle);
}
