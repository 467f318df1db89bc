using System.Net.Sockets;

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
        Register<MibIpInterfaceRow>(family, callback is null ? null : (row, type) => callback(callerContext, row, type), initialNotification, out notificationHandle,
            static (backend, family, deliver, initial, out handle) => Record(backend.NotifyIpInterfaceChange(family, deliver, null, initial, out handle)));

    /// <summary>
    /// Registers <paramref name="callback"/> for changes of the route table of <paramref name="family"/>
    /// (AF_UNSPEC: both), from RTM_NEWROUTE/RTM_DELROUTE, one row per next hop, in the tables selected by
    /// <see cref="RouteTables"/> when registering (main and local by default). Rows are known by their
    /// Windows key (interface, destination prefix, next hop): a metric change is a MibParameterNotification,
    /// a next-hop change (<c>ip route replace</c>) a MibDeleteInstance and a MibAddInstance, and routes the
    /// kernel removes without a notification (a link down, an address removed) are reported as deleted
    /// (docs/mapping.md, "The mirror rule"). Otherwise as <see cref="NotifyIpInterfaceChange"/>.
    /// </summary>
    public static NetIoStatus NotifyRouteChange2(AddressFamily family, IpForwardChangeCallback? callback, object? callerContext,
        bool initialNotification, out NotificationHandle? notificationHandle) =>
        Register<MibIpForwardRow2>(family, callback is null ? null : (row, type) => callback(callerContext, row, type), initialNotification, out notificationHandle,
            static (backend, family, deliver, initial, out handle) => Record(backend.NotifyRouteChange(family, RouteTables.Current, deliver, null, initial, out handle)));

    /// <summary>
    /// Registers <paramref name="callback"/> for changes of the unicast address table of
    /// <paramref name="family"/> (AF_UNSPEC: both), from RTM_NEWADDR/RTM_DELADDR: an address added
    /// (MibAddInstance), changed — DAD finished, deprecated, lifetimes refreshed — (MibParameterNotification)
    /// or deleted (MibDeleteInstance). Otherwise as <see cref="NotifyIpInterfaceChange"/>.
    /// </summary>
    public static NetIoStatus NotifyUnicastIpAddressChange(AddressFamily family, UnicastIpAddressChangeCallback? callback, object? callerContext,
        bool initialNotification, out NotificationHandle? notificationHandle) =>
        Register<MibUnicastIpAddressRow>(family, callback is null ? null : (row, type) => callback(callerContext, row, type), initialNotification, out notificationHandle,
            static (backend, family, deliver, initial, out handle) => Record(backend.NotifyUnicastAddressChange(family, deliver, null, initial, out handle)));

    /// <summary>
    /// The stable unicast address table of <paramref name="family"/>: the addresses whose duplicate address
    /// detection is over (no IFA_F_TENTATIVE; an address that failed DAD, IFA_F_DADFAILED, is left out).
    /// When no address of the family is tentative, returns Success with the table at once (the handle is
    /// null). Otherwise returns IoPending with a null table and a handle, and calls <paramref name="callback"/>
    /// once, on the registration's thread, with the stable table when the last tentative address
    /// finishes DAD; the registration then ends by itself. Cancel it earlier with
    /// <see cref="CancelMibChangeNotify2"/>. (Windows pends only for its Teredo address; Linux has DAD on
    /// every IPv6 address, so that is what is waited for.) InvalidParameter for another family or a null callback.
    /// </summary>
    public static NetIoStatus NotifyStableUnicastIpAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table,
        StableUnicastIpAddressTableCallback? callback, object? callerContext, out NotificationHandle? notificationHandle)
    {
        table = null;
        notificationHandle = null;
        if (!IsNotifyFamily(family)) return Fail(NetIoStatus.InvalidParameter, $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6", "Family");
        if (callback is null) return Fail(NetIoStatus.InvalidParameter, "the callback is null", "Callback");
        var deliver = InScope<MibTable<MibUnicastIpAddressRow>>(NetNamespace.Current, stable => callback(callerContext, stable));
        return Record(Backend.NotifyStableUnicastAddressTable(family, deliver, out table, out notificationHandle));
    }

    /// <summary>Streams the changes <see cref="NotifyUnicastIpAddressChange"/> reports, until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="NetIoException">The registration failed, or its namespace was deleted (BadNetName, after the deletes).</exception>
    public static IAsyncEnumerable<MibChange<MibUnicastIpAddressRow>> WatchUnicastIpAddressChanges(AddressFamily family = AddressFamily.Unspecified,
        CancellationToken cancellationToken = default)
    {
        var checkedFamily = CheckedFamily(family);
        return Notifications.ChangeStream.Watch<MibUnicastIpAddressRow>(
            (deliver, onResync, out handle) => Record(Backend.NotifyUnicastAddressChange(checkedFamily, deliver, onResync, true, out handle)), cancellationToken);
    }

    /// <summary>Streams the changes <see cref="NotifyIpInterfaceChange"/> reports, until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="NetIoException">The registration failed, or its namespace was deleted (BadNetName, after the deletes).</exception>
    public static IAsyncEnumerable<MibChange<MibIpInterfaceRow>> WatchIpInterfaceChanges(AddressFamily family = AddressFamily.Unspecified,
        CancellationToken cancellationToken = default)
    {
        var checkedFamily = CheckedFamily(family);
        return Notifications.ChangeStream.Watch<MibIpInterfaceRow>(
            (deliver, onResync, out handle) => Record(Backend.NotifyIpInterfaceChange(checkedFamily, deliver, onResync, true, out handle)), cancellationToken);
    }

    /// <summary>Streams the changes <see cref="NotifyRouteChange2"/> reports, until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="NetIoException">The registration failed, or its namespace was deleted (BadNetName, after the deletes).</exception>
    public static IAsyncEnumerable<MibChange<MibIpForwardRow2>> WatchRouteChanges(AddressFamily family = AddressFamily.Unspecified,
        CancellationToken cancellationToken = default)
    {
        var checkedFamily = CheckedFamily(family);
        var tables = RouteTables.Current;
        return Notifications.ChangeStream.Watch<MibIpForwardRow2>(
            (deliver, onResync, out handle) => Record(Backend.NotifyRouteChange(checkedFamily, tables, deliver, onResync, true, out handle)), cancellationToken);
    }

    private delegate NetIoStatus Registration<TRow>(INetIoBackend backend, AddressFamily family, ChangeCallback<TRow> deliver, bool initialNotification,
        out NotificationHandle? handle) where TRow : struct;

    private static NetIoStatus Register<TRow>(AddressFamily family, ChangeCallback<TRow>? callback, bool initialNotification,
        out NotificationHandle? notificationHandle, Registration<TRow> register) where TRow : struct
    {
        notificationHandle = null;
        if (!IsNotifyFamily(family)) return Fail(NetIoStatus.InvalidParameter, $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6", "Family");
        if (callback is null) return Fail(NetIoStatus.InvalidParameter, "the callback is null", "Callback");
        var status = register(Backend, family, InScope(NetNamespace.Current, callback), initialNotification, out notificationHandle);
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in the namespace of the registration made in <paramref name="registering"/>:
    /// inside it, calls act on that namespace until the callback enters another (a scope entered there ends with it).
    /// The registration keeps the namespace alive while callbacks can run.
    /// </summary>
    internal static ChangeCallback<TRow> InScope<TRow>(NetNamespaceScope? registering, ChangeCallback<TRow> callback) where TRow : struct
    {
        var scope = NetNamespaceScope.ForCallbacks(registering);
        return (row, type) =>
        {
            var saved = NetNamespace.Current;
            NetNamespace.Current = scope;
            try
            {
                callback(row, type);
            }
            finally
            {
                NetNamespace.Current = saved;
            }
        };
    }

    /// <summary>As <see cref="InScope{TRow}(NetNamespaceScope?, ChangeCallback{TRow})"/>, for a callback of one argument.</summary>
    internal static Action<T> InScope<T>(NetNamespaceScope? registering, Action<T> callback)
    {
        var scope = NetNamespaceScope.ForCallbacks(registering);
        return value =>
        {
            var saved = NetNamespace.Current;
            NetNamespace.Current = scope;
            try
            {
                callback(value);
            }
            finally
            {
                NetNamespace.Current = saved;
            }
        };
    }

    private static bool IsNotifyFamily(AddressFamily family) =>
        family is AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;

    private static AddressFamily CheckedFamily(AddressFamily family) => IsNotifyFamily(family)
        ? family
        : throw new NetIoException(new NetIoErrorDetail(NetIoStatus.InvalidParameter, 0, null, "Family", $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6"));
}
