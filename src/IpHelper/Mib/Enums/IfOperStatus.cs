namespace IpHelper;

/// <summary>IF_OPER_STATUS: the operational status of an interface (RFC 2863 ifOperStatus).</summary>
public enum IfOperStatus
{
    /// <summary>Up: the interface can pass packets.</summary>
    IfOperStatusUp = 1,
    /// <summary>Down: the interface cannot pass packets.</summary>
    IfOperStatusDown = 2,
    /// <summary>In a test mode.</summary>
    IfOperStatusTesting = 3,
    /// <summary>The status cannot be determined.</summary>
    IfOperStatusUnknown = 4,
    /// <summary>Waiting for an external event.</summary>
    IfOperStatusDormant = 5,
    /// <summary>A component, typically hardware, is missing.</summary>
    IfOperStatusNotPresent = 6,
    /// <summary>Down because an interface below it in the stack is down.</summary>
    IfOperStatusLowerLayerDown = 7,
}
