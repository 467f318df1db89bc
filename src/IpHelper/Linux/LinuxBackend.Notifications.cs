using System.Net.Sockets;
using IpHelper.Linux.Notifications;
using IpHelper.Linux.Proc;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification,
        out NotificationHandle? handle) =>
        Register(new InterfaceChangeSource(this), AddressFamily.Unspecified, callback, onResync, initialNotification, out handle);

    public BackendResult NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle) =>
        Register(new IpInterfaceChangeSource(this), family, callback, onResync, initialNotification, out handle);

    public BackendResult NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback,
        Action? onResync, bool initialNotification, out NotificationHandle? handle) =>
        Register(new RouteChangeSource(this, tables), family, callback, onResync, initialNotification, out handle);

    public BackendResult NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle) =>
        Register(new UnicastAddressChangeSource(this), family, callback, onResync, initialNotification, out handle);

    public BackendResult GetTeredoPort(out ushort port)
    {
        port = 0;
        if (Sysctl.Read(Context, "ipv6/conf/all/disable_ipv6") is null) return BackendResult.Fail(NetIoStatus.NotSupported, "the kernel has no IPv6 stack");
        if (TeredoClient.FindPort(Context.Inode) is not { } found)
            return BackendResult.Fail(NetIoStatus.NotReady, "no Teredo client (miredo) is running in this network namespace");
        port = found;
        return BackendResult.Success;
    }

    public BackendResult NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification, out NotificationHandle? handle)
    {
        handle = TeredoSubscription.Start(Context, callback, initialNotification);
        return BackendResult.Success;
    }

    private BackendResult Register<TKey, TRow>(IChangeSource<TKey, TRow> source, AddressFamily family, ChangeCallback<TRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle) where TKey : notnull where TRow : struct
    {
        var status = ChangeSubscription<TKey, TRow>.Start(Context, source, family, callback, initialNotification, out var subscription, onResync);
        handle = subscription;
        return status;
    }
}
