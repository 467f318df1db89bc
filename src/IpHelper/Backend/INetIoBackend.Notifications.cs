using System.Net.Sockets;

namespace IpHelper;

/// <summary>Where a registration delivers: each row change, in kernel order, one at a time.</summary>
internal delegate void ChangeCallback<TRow>(TRow? row, MibNotificationType type) where TRow : struct;

internal partial interface INetIoBackend
{
    /// <summary>
    /// Registers for changes of the interface table in this backend's namespace. <paramref name="onResync"/>
    /// (optional) runs, on the registration's thread, each time lost notifications were made up for by a
    /// re-read. With <paramref name="initialNotification"/> the callback runs once with MibInitialNotification
    /// and a null row before this returns. When the namespace is deleted the registration delivers
    /// MibDeleteInstance for every row it reported and ends (<see cref="NotificationHandle.EndStatus"/>).
    /// </summary>
    BackendResult NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification,
        out NotificationHandle? handle);

    /// <summary>As <see cref="NotifyInterfaceChange"/>, for the IP interface table of <paramref name="family"/> (Unspecified: both).</summary>
    BackendResult NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle);

    /// <summary>As <see cref="NotifyInterfaceChange"/>, for the routes of <paramref name="family"/> in <paramref name="tables"/>.</summary>
    BackendResult NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle);

    /// <summary>As <see cref="NotifyInterfaceChange"/>, for the unicast addresses of <paramref name="family"/>.</summary>
    BackendResult NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle);

    /// <summary>
    /// The unicast addresses of <paramref name="family"/> whose duplicate address detection is over: Success
    /// with <paramref name="table"/> when none is tentative; IoPending with <paramref name="handle"/> when one
    /// is, and <paramref name="callback"/> then gets the stable table once, on the registration's thread.
    /// </summary>
    BackendResult NotifyStableUnicastAddressTable(AddressFamily family, Action<MibTable<MibUnicastIpAddressRow>> callback,
        out MibTable<MibUnicastIpAddressRow>? table, out NotificationHandle? handle);
}
