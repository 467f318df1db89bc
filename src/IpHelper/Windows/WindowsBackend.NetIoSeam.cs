using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Windows;

/// <summary>
/// The members INetIoBackend gained with the namespace contexts, mapped onto what this
/// backend already has. A first adaptation made when the two branches met: notifications go to
/// iphlpapi's own registrations, Teredo to GetTeredoPort; network namespaces do not exist on Windows
/// (compartments are entered with SetCurrentThreadCompartmentId), so entering one is NotSupported.
/// </summary>
internal sealed partial class WindowsBackend
{
    ulong INetIoBackend.NamespaceInode => GetCurrentThreadCompartmentId(out var compartment) == NetIoStatus.Success ? compartment : 0;

    NetIoStatus INetIoBackend.EnterNamespace(string path, string? name, string argument, out INetIoContext? context)
    {
        context = null;
        return NetIo.Fail(NetIoStatus.NotSupported, "Windows has no network namespaces; its compartments are entered with SetCurrentThreadCompartmentId", argument);
    }

    NetIoStatus INetIoBackend.EnterNamespace(SafeFileHandle descriptor, string argument, out INetIoContext? context)
    {
        context = null;
        return NetIo.Fail(NetIoStatus.NotSupported, "Windows has no network namespaces; its compartments are entered with SetCurrentThreadCompartmentId", argument);
    }

    NetIoStatus INetIoBackend.GetThreadNamespaceInode(out ulong inode)
    {
        var status = GetCurrentThreadCompartmentId(out var compartment);
        inode = compartment;
        return status;
    }

    NetIoStatus INetIoBackend.NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification,
        out NotificationHandle? handle)
    {
        handle = null;
        return NetIo.Fail(NetIoStatus.NotSupported, "iphlpapi has no notification for the interface table");
    }

    NetIoStatus INetIoBackend.NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle) =>
        Wrap(NotifyIpInterfaceChange(family, (row, type) => callback(row, type), initialNotification, out var registration), registration, out handle);

    NetIoStatus INetIoBackend.NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback,
        Action? onResync, bool initialNotification, out NotificationHandle? handle) =>
        Wrap(NotifyRouteChange2(family, (row, type) => callback(row, type), initialNotification, out var registration), registration, out handle);

    NetIoStatus INetIoBackend.NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle) =>
        Wrap(NotifyUnicastIpAddressChange(family, (row, type) => callback(row, type), initialNotification, out var registration), registration, out handle);

    NetIoStatus INetIoBackend.GetTeredoPort(out ushort port) => GetTeredoPort(out port);

    NetIoStatus INetIoBackend.NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification, out NotificationHandle? handle)
    {
        handle = null;
        return NetIo.Fail(NetIoStatus.NotSupported, "NotifyTeredoPortChange is not wired to iphlpapi yet");
    }

    private static NetIoStatus Wrap(NetIoStatus status, WindowsNotification? registration, out NotificationHandle? handle)
    {
        handle = status == NetIoStatus.Success && registration is not null ? new Handle(registration) : null;
        return status;
    }

    /// <summary>An iphlpapi registration as NetIo hands it out.</summary>
    private sealed class Handle(WindowsNotification registration) : NotificationHandle
    {
        private int _cancelled;

        public override long Resyncs => 0;

        public override bool IsCancelled => Volatile.Read(ref _cancelled) != 0;

        internal override bool Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) != 0) return false;
            registration.Dispose();
            return true;
        }
    }
}
