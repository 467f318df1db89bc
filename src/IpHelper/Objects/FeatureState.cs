namespace IpHelper.Objects;

/// <summary>
/// The two-valued settings of MSFT_NetIPInterface (Forwarding, Advertising, AutomaticMetric,
/// NeighborUnreachabilityDetection, ManagedAddressConfiguration, WeakHostSend, ...), which PowerShell prints as
/// Disabled or Enabled.
/// </summary>
public enum FeatureState
{
    /// <summary>Off.</summary>
    Disabled = 0,

    /// <summary>On.</summary>
    Enabled = 1,
}
