using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal static partial class IpHlpApi
{
    /// <summary>NETIO_STATUS NotifyUnicastIpAddressChange(ADDRESS_FAMILY, PUNICAST_IPADDRESS_CHANGE_CALLBACK, PVOID, BOOLEAN, HANDLE*).</summary>
    [LibraryImport(Library, EntryPoint = nameof(NotifyUnicastIpAddressChange))]
    internal static unsafe partial uint NotifyUnicastIpAddressChange(ushort family, delegate* unmanaged<nint, MibUnicastIpAddressRow*, MibNotificationType, void> callback, nint callerContext, byte initialNotification, out SafeCancelMibChangeNotify notificationHandle);
}
