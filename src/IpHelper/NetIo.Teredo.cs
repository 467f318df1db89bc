namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// The UDP port of the Teredo client. On Linux the Teredo client is the miredo daemon: the port is
    /// the one its UDP socket is bound to in the current namespace (docs/mapping.md). NotReady (21),
    /// with the port 0, when no Teredo client runs (as Windows when its client is not started);
    /// NotSupported when the kernel has no IPv6.
    /// </summary>
    public static NetIoStatus GetTeredoPort(out ushort port) => Record(Backend.GetTeredoPort(out port));

    /// <summary>
    /// Registers <paramref name="callback"/> for changes of the Teredo client's port: it appears
    /// (MibAddInstance), changes (MibParameterNotification) or goes (MibDeleteInstance with port 0).
    /// Linux sends no event for that, so the registration looks once a second. With
    /// <paramref name="initialNotification"/> the callback runs once, before this returns, with
    /// MibInitialNotification and the current port (0 when there is no client).
    /// </summary>
    public static NetIoStatus NotifyTeredoPortChange(TeredoPortChangeCallback? callback, object? callerContext, bool initialNotification,
        out NotificationHandle? notificationHandle)
    {
        notificationHandle = null;
        if (callback is null) return Fail(NetIoStatus.InvalidParameter, "the callback is null", "Callback");
        var scope = NetNamespaceScope.ForCallbacks(NetNamespace.Current);
        return Record(Backend.NotifyTeredoPortChange((port, type) =>
        {
            var saved = NetNamespace.Current;
            NetNamespace.Current = scope;
            try
            {
                callback(callerContext, port, type);
            }
            finally
            {
                NetNamespace.Current = saved;
            }
        }, initialNotification, out notificationHandle));
    }
}
