using System.Net.Sockets;
using IpHelper.Notifications;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Registers <paramref name="callback"/> for changes of the IP interface table of
    /// <paramref name="family"/> (AF_UNSPEC: both): RTM_NEWLINK/RTM_DELLINK, netconf and IPv6 interface
    /// notifications re-read the interface's rows, and the registration's view tells MibAddInstance,
    /// MibParameterNotification and MibDeleteInstance apart. With <paramref name="initialNotification"/>
    /// the callback runs once with MibInitialNotification and a null row before this returns. Callbacks
    /// run one at a time on the registration's thread; see <see cref="CancelMibChangeNotify2"/>.
    /// InvalidParameter for another family or a null callback.
    /// </summary>
    public static NetIoStatus NotifyIpInterfaceChange(AddressFamily family, IpInterfaceChangeCallback? callback, object? callerContext,
        bool initialNotification, out NotificationHandle? notificationHandle) =>
        Register(new Linux.IpInterfaceChangeSource(s_backend), family, callback is null ? null : (row, type) => callback(callerContext, row, type),
            initialNotification, out notificationHandle);

    /// <summary>
    /// Registers <paramref name="callback"/> for changes of the route table of <paramref name="family"/>
    /// (AF_UNSPEC: both), from RTM_NEWROUTE/RTM_DELROUTE, one row per next hop, in the tables selected by
    /// <see cref="RouteTables"/> when registering (main and local by default). A route whose metric changes
    /// is reported as deleted and added (Linux keys routes by metric). Otherwise as
    /// <see cref="NotifyIpInterfaceChange"/>.
    /// </summary>
    public static NetIoStatus NotifyRouteChange2(AddressFamily family, IpForwardChangeCallback? callback, object? callerContext,
        bool initialNotification, out NotificationHandle? notificationHandle) =>
        Register(new Linux.RouteChangeSource(s_backend, RouteTables.Current), family,
            callback is null ? null : (row, type) => callback(callerContext, row, type), initialNotification, out notificationHandle);

    /// <summary>Streams the changes <see cref="NotifyIpInterfaceChange"/> reports, until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="NetIoException">The registration failed.</exception>
    public static IAsyncEnumerable<MibChange<MibIpInterfaceRow>> WatchIpInterfaceChanges(AddressFamily family = AddressFamily.Unspecified,
        CancellationToken cancellationToken = default) =>
        ChangeStream.Watch(new Linux.IpInterfaceChangeSource(s_backend), CheckedFamily(family), cancellationToken);

    /// <summary>Streams the changes <see cref="NotifyRouteChange2"/> reports, until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="NetIoException">The registration failed.</exception>
    public static IAsyncEnumerable<MibChange<MibIpForwardRow2>> WatchRouteChanges(AddressFamily family = AddressFamily.Unspecified,
        CancellationToken cancellationToken = default) =>
        ChangeStream.Watch(new Linux.RouteChangeSource(s_backend, RouteTables.Current), CheckedFamily(family), cancellationToken);

    private static NetIoStatus Register<TKey, TRow>(IChangeSource<TKey, TRow> source, AddressFamily family, Action<TRow?, MibNotificationType>? callback,
        bool initialNotification, out NotificationHandle? notificationHandle) where TKey : notnull where TRow : struct
    {
        notificationHandle = null;
        if (!IsNotifyFamily(family)) return Fail(NetIoStatus.InvalidParameter, $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6", "Family");
        if (callback is null) return Fail(NetIoStatus.InvalidParameter, "the callback is null", "Callback");
        var status = ChangeSubscription<TKey, TRow>.Start(source, family, callback, initialNotification, out var subscription);
        notificationHandle = subscription;
        return status == NetIoStatus.Success ? Ok() : status;
    }

    private static bool IsNotifyFamily(AddressFamily family) =>
        family is AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;

    private static AddressFamily CheckedFamily(AddressFamily family) => IsNotifyFamily(family)
        ? family
        : throw new NetIoException(new NetIoErrorDetail(NetIoStatus.InvalidParameter, 0, null, "Family", $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6"));
}
