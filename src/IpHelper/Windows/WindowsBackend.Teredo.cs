using System.Runtime.InteropServices;

namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>GetTeredoPort: the UDP port of the Teredo client; NotReady when Teredo is not running.</summary>
    public static BackendResult GetTeredoPort(out ushort port)
    {
        port = 0;
        if (!IsAvailable(nameof(IpHlpApi.GetTeredoPort), out var missing)) return missing;
        return Check(IpHlpApi.GetTeredoPort(out port), nameof(IpHlpApi.GetTeredoPort));
    }

    /// <summary>
    /// NotifyTeredoPortChange: <paramref name="callback"/> runs on iphlpapi's thread with the port and the
    /// change, with the threading of <see cref="NotifyUnicastIpAddressChange"/>.
    /// </summary>
    public unsafe BackendResult NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification,
        out WindowsNotification? registration)
    {
        registration = null;
        if (!IsAvailable(nameof(IpHlpApi.NotifyTeredoPortChange), out var missing)) return missing;
        var context = GCHandle.Alloc(callback);
        var error = IpHlpApi.NotifyTeredoPortChange(&OnTeredoPortChange, GCHandle.ToIntPtr(context), initialNotification ? (byte)1 : (byte)0,
            out var handle);
        return Registered(error, handle, context, nameof(IpHlpApi.NotifyTeredoPortChange), out registration);
    }

    [UnmanagedCallersOnly]
    private static void OnTeredoPortChange(nint context, ushort port, MibNotificationType type)
    {
        try
        {
            if (GCHandle.FromIntPtr(context).Target is Action<ushort, MibNotificationType> callback) callback(port, type);
        }
        catch (Exception e)
        {
            NetIo.ReportCallbackFailure(e);
        }
    }
}
