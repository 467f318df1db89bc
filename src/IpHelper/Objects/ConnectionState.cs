namespace IpHelper.Objects;

/// <summary>MSFT_NetIPInterface.ConnectionState: whether the interface has a usable link (its carrier, on Linux).</summary>
public enum ConnectionState
{
    /// <summary>No link.</summary>
    Disconnected = 0,

    /// <summary>Link up.</summary>
    Connected = 1,
}
