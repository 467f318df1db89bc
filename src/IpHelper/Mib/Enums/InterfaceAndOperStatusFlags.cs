namespace IpHelper;

/// <summary>The InterfaceAndOperStatusFlags bit field of <see cref="MibIfRow2"/> (one byte).</summary>
[Flags]
public enum InterfaceAndOperStatusFlags : byte
{
    /// <summary>No flag set.</summary>
    None = 0,
    /// <summary>HardwareInterface: the interface is backed by hardware.</summary>
    HardwareInterface = 1,
    /// <summary>FilterInterface: the interface is a filter module.</summary>
    FilterInterface = 2,
    /// <summary>ConnectorPresent: a physical connector is present.</summary>
    ConnectorPresent = 4,
    /// <summary>NotAuthenticated: the port is not authenticated (802.1X).</summary>
    NotAuthenticated = 8,
    /// <summary>NotMediaConnected: the medium is not connected.</summary>
    NotMediaConnected = 16,
    /// <summary>Paused: the interface is paused.</summary>
    Paused = 32,
    /// <summary>LowPower: the interface is in a low-power state.</summary>
    LowPower = 64,
    /// <summary>EndPointInterface: the interface is an endpoint device, not a true network interface.</summary>
    EndPointInterface = 128,
}
