namespace IpHelper;

internal partial interface INetIoBackend
{
    /// <summary>The Teredo client's UDP port: NotReady when no client runs, NotSupported without IPv6.</summary>
    BackendResult GetTeredoPort(out ushort port);

    /// <summary>Registers for changes of the Teredo client's port (looked for once per poll interval).</summary>
    BackendResult NotifyTeredoPortChange(Action<ushort, MibNotificationType> callback, bool initialNotification, out NotificationHandle? handle);
}
