using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS NotifyRouteChange2(ADDRESS_FAMILY, PIPFORWARD_CHANGE_CALLBACK, PVOID, BOOLEAN, HANDLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(NotifyRouteChange2))]
    internal static unsafe partial uint NotifyRouteChange2(ushort family, delegate* unmanaged<nint, MibIpForwardRow2*, MibNotificationType, void> callback, nint callerContext, byte initialNotification, out SafeCancelMibChangeNotify notificationHandle);
}
