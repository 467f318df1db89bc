namespace IpHelper;

/// <summary>NET_IF_MEDIA_CONNECT_STATE: whether the interface's medium is connected.</summary>
public enum NetIfMediaConnectState
{
    /// <summary>Unknown.</summary>
    MediaConnectStateUnknown = 0,
    /// <summary>Connected.</summary>
    MediaConnectStateConnected = 1,
    /// <summary>Disconnected (cable unplugged, no carrier).</summary>
    MediaConnectStateDisconnected = 2,
}
