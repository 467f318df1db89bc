using System.Net.Sockets;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Windows;

/// <summary>
/// The members INetIoBackend has for namespaces, notifications and Teredo, mapped onto iphlpapi: a network
/// namespace is a network compartment (<see cref="NetNamespace.Enter(string)"/> with the compartment ID,
/// "1" for the default one), notifications are iphlpapi's own registrations, Teredo is GetTeredoPort and
/// NotifyTeredoPortChange.
/// </summary>
internal sealed partial class WindowsBackend
{
    ulong INetIoBackend.NamespaceInode => GetCurrentThreadCompartmentId(out var compartment) == NetIoStatus.Success ? compartment : 0;

    /// <summary>
    /// A compartment named by its decimal ID (the bare name given to <see cref="NetNamespace.Enter(string)"/>);
    /// InvalidParameter for a path or any other name, NotSupported where iphlpapi.dll lacks the compartment exports.
    /// </summary>
    BackendResult INetIoBackend.EnterNamespace(string path, string? name, string argument, out INetIoContext? context)
    {
        context = null;
        if (name is null || !uint.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id == 0)
            return BackendResult.Fail(NetIoStatus.InvalidParameter,
                $"'{name ?? path}' is not a compartment ID: on Windows a network namespace is a compartment, entered by its decimal ID", argument);
        var status = WindowsCompartment.Open(this, id, out var compartment);
        context = compartment;
        return status;
    }

    BackendResult INetIoBackend.EnterNamespace(SafeFileHandle descriptor, string argument, out INetIoContext? context)
    {
        context = null;
        return BackendResult.Fail(NetIoStatus.NotSupported,
            "Windows has no network namespace descriptors; its compartments are entered by ID (NetNamespace.Enter(\"2\"))", argument);
    }

    BackendResult INetIoBackend.GetThreadNamespaceInode(out ulong inode)
    {
        var status = GetCurrentThreadCompartmentId(out var compartment);
        inode = compartment;
        return status;
    }

    BackendResult INetIoBackend.NotifyInterfaceChange(ChangeCallback<MibIfRow2> callback, Action? onResync, bool initialNotification,
        out NotificationHandle? handle)
    {
        handle = null;
        return BackendResult.Fail(NetIoStatus.NotSupported, "iphlpapi has no notification for the interface table");
    }

    BackendResult INetIoBackend.NotifyIpInterfaceChange(AddressFamily family, ChangeCallback<MibIpInterfaceRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle) =>
        Wrap(NotifyIpInterfaceChange(family, (row, type) => callback(row, type), initialNotification, out var registration), registration, out handle);

    BackendResult INetIoBackend.NotifyRouteChange(AddressFamily family, RouteTableSelection tables, ChangeCallback<MibIpForwardRow2> callback,
        Action? onResync, bool initialNotification, out NotificationHandle? handle) =>
        Wrap(NotifyRouteChange2(family, (row, type) => callback(row, type), initialNotification, out var registration), registration, out handle);

    BackendResult INetIoBackend.NotifyUnicastAddressChange(AddressFamily family, ChangeCallback<MibUnicastIpAddressRow> callback, Action? onResync,
        bool initialNotification, out NotificationHandle? handle) =>
        Wrap(NotifyUnicastIpAddressChange(family, (row, type) => callback(row, type), initialNotification, out var registration), registration, out handle);

    BackendResult INetIoBackend.GetTeredoPort(out ushort port) => GetTeredoPort(out port);

    BackendResult INetIoBackend.NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification, out NotificationHandle? handle) =>
        Wrap(NotifyTeredoPortChange(callback, initialNotification, out var registration), registration, out handle);

    private static BackendResult Wrap(BackendResult status, WindowsNotification? registration, out NotificationHandle? handle)
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
