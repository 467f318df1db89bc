namespace IpHelper;

/// <summary>
/// Called by <see cref="NetIo.NotifyTeredoPortChange"/>: the Teredo client's UDP port appeared
/// (MibAddInstance), changed (MibParameterNotification) or went away (MibDeleteInstance, port 0),
/// or the registration was confirmed (MibInitialNotification with the current port, 0 if none).
/// </summary>
public delegate void TeredoPortChangeCallback(object? callerContext, ushort port, MibNotificationType notificationType);
