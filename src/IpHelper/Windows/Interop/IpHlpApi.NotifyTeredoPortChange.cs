using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS NotifyTeredoPortChange(PTEREDO_PORT_CHANGE_CALLBACK, PVOID, BOOLEAN, HANDLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(NotifyTeredoPortChange))]
    internal static unsafe partial uint NotifyTeredoPortChange(delegate* unmanaged<nint, ushort, MibNotificationType, void> callback, nint callerContext,
        byte initialNotification, out SafeCancelMibChangeNotify notificationHandle);
}
