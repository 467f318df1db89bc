using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>
    /// NotifyStableUnicastIpAddressTable: Success with the table copied now, or IoPending with a registration
    /// whose callback (on iphlpapi's thread, once) gets a copy of the stable table; the native table is
    /// released with FreeMibTable before the callback runs. The callback's GCHandle is freed when the
    /// registration is cancelled (CancelMibChangeNotify2 must not be called from inside the callback).
    /// </summary>
    public unsafe BackendResult NotifyStableUnicastAddressTable(AddressFamily family, Action<MibTable<MibUnicastIpAddressRow>> callback,
        out MibTable<MibUnicastIpAddressRow>? table, out NotificationHandle? handle)
    {
        table = null;
        handle = null;
        if (!IsAvailable(nameof(IpHlpApi.NotifyStableUnicastIpAddressTable), out var missing)) return missing;
        var context = GCHandle.Alloc(callback);
        var error = IpHlpApi.NotifyStableUnicastIpAddressTable((ushort)family, out var native, &OnStableTable, GCHandle.ToIntPtr(context),
            out var registration);
        if (error == 0)
        {
            registration.Dispose();
            context.Free();
            table = native.IsInvalid ? MibTable<MibUnicastIpAddressRow>.Empty() : CopyTable<MibUnicastIpAddressRow>(native);
            return BackendResult.Success;
        }
        native.Dispose();
        if (error != (uint)NetIoStatus.IoPending)
        {
            registration.Dispose();
            context.Free();
            return Check(error, nameof(IpHlpApi.NotifyStableUnicastIpAddressTable));
        }
        handle = new Handle(new WindowsNotification(registration, context));
        return BackendResult.Fail(NetIoStatus.IoPending,
            $"{nameof(IpHlpApi.NotifyStableUnicastIpAddressTable)} returned IoPending (997): the callback will get the stable table");
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnStableTable(nint context, nint nativeTable)
    {
        try
        {
            using var owned = new SafeFreeMibTable();
            Marshal.InitHandle(owned, nativeTable);
            var rows = nativeTable == 0 ? MibTable<MibUnicastIpAddressRow>.Empty() : CopyTable<MibUnicastIpAddressRow>(owned);
            if (GCHandle.FromIntPtr(context).Target is Action<MibTable<MibUnicastIpAddressRow>> callback) callback(rows);
            else rows.Dispose();
        }
        catch (Exception e)
        {
            NetIo.ReportCallbackFailure(e);
        }
    }
}
