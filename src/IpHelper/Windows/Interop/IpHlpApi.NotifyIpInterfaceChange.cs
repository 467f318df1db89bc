using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS NotifyIpInterfaceChange(ADDRESS_FAMILY, PIPINTERFACE_CHANGE_CALLBACK, PVOID, BOOLEAN, HANDLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(NotifyIpInterfaceChange))]
    internal static unsafe partial uint NotifyIpInterfaceChange(ushort family, delegate* unmanaged<nint, MibIpInterfaceRow*, MibNotificationType, void> callback, nint callerContext, byte initialNotification, out SafeCancelMibChangeNotify notificationHandle);
}
