using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>
    /// NotifyUnicastIpAddressChange: <paramref name="callback"/> runs on iphlpapi's notification thread
    /// (with a null row for MibInitialNotification), one call at a time per registration as Windows
    /// serialises them. Disposing the registration cancels it and waits for a running callback; it must
    /// not be disposed from inside the callback (CancelMibChangeNotify2 would wait for itself).
    /// </summary>
    public unsafe BackendResult NotifyUnicastIpAddressChange(AddressFamily family, Action<MibUnicastIpAddressRow?, MibNotificationType> callback,
        bool initialNotification, out WindowsNotification? registration)
    {
        registration = null;
        if (!IsAvailable(nameof(IpHlpApi.NotifyUnicastIpAddressChange), out var missing)) return missing;
        var context = GCHandle.Alloc(callback);
        var error = IpHlpApi.NotifyUnicastIpAddressChange((ushort)family, &OnUnicastAddressChange, GCHandle.ToIntPtr(context),
            initialNotification ? (byte)1 : (byte)0, out var handle);
        return Registered(error, handle, context, nameof(IpHlpApi.NotifyUnicastIpAddressChange), out registration);
    }

    /// <summary>NotifyIpInterfaceChange, with the threading of <see cref="NotifyUnicastIpAddressChange"/>.</summary>
    public unsafe BackendResult NotifyIpInterfaceChange(AddressFamily family, Action<MibIpInterfaceRow?, MibNotificationType> callback,
        bool initialNotification, out WindowsNotification? registration)
    {
        registration = null;
        if (!IsAvailable(nameof(IpHlpApi.NotifyIpInterfaceChange), out var missing)) return missing;
        var context = GCHandle.Alloc(callback);
        var error = IpHlpApi.NotifyIpInterfaceChange((ushort)family, &OnIpInterfaceChange, GCHandle.ToIntPtr(context),
            initialNotification ? (byte)1 : (byte)0, out var handle);
        return Registered(error, handle, context, nameof(IpHlpApi.NotifyIpInterfaceChange), out registration);
    }

    /// <summary>NotifyRouteChange2, with the threading of <see cref="NotifyUnicastIpAddressChange"/>.</summary>
    public unsafe BackendResult NotifyRouteChange2(AddressFamily family, Action<MibIpForwardRow2?, MibNotificationType> callback,
        bool initialNotification, out WindowsNotification? registration)
    {
        registration = null;
        if (!IsAvailable(nameof(IpHlpApi.NotifyRouteChange2), out var missing)) return missing;
        var context = GCHandle.Alloc(callback);
        var error = IpHlpApi.NotifyRouteChange2((ushort)family, &OnRouteChange, GCHandle.ToIntPtr(context),
            initialNotification ? (byte)1 : (byte)0, out var handle);
        return Registered(error, handle, context, nameof(IpHlpApi.NotifyRouteChange2), out registration);
    }

    private static BackendResult Registered(uint error, SafeCancelMibChangeNotify handle, GCHandle context, string function,
        out WindowsNotification? registration)
    {
        registration = null;
        // Wine's stubs succeed with a null handle (and only Wine's NotifyUnicastIpAddressChange calls the
        // initial notification): the registration then has nothing to cancel, and disposing it frees the context.
        if (error != 0)
        {
            handle.Dispose();
            context.Free();
            return Check(error, function);
        }
        registration = new WindowsNotification(handle, context);
        return BackendResult.Success;
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnUnicastAddressChange(nint context, MibUnicastIpAddressRow* row, MibNotificationType type) =>
        Deliver(context, row, type);

    [UnmanagedCallersOnly]
    private static unsafe void OnIpInterfaceChange(nint context, MibIpInterfaceRow* row, MibNotificationType type) =>
        Deliver(context, row, type);

    [UnmanagedCallersOnly]
    private static unsafe void OnRouteChange(nint context, MibIpForwardRow2* row, MibNotificationType type) =>
        Deliver(context, row, type);

    /// <summary>
    /// Calls the registration's callback with a copy of the row (null when iphlpapi passes none). An
    /// exception must not unwind into iphlpapi's thread: it goes to NetIo.NotificationCallbackFailed.
    /// </summary>
    private static unsafe void Deliver<TRow>(nint context, TRow* row, MibNotificationType type) where TRow : unmanaged
    {
        try
        {
            if (GCHandle.FromIntPtr(context).Target is Action<TRow?, MibNotificationType> callback)
                callback(row is null ? null : *row, type);
        }
        catch (Exception e)
        {
            NetIo.ReportCallbackFailure(e);
        }
    }
}
