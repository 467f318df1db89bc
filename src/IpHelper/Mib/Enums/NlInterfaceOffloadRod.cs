namespace IpHelper;

/// <summary>NL_INTERFACE_OFFLOAD_ROD: the offload capabilities of an IP interface, one byte of one-bit flags.</summary>
[Flags]
public enum NlInterfaceOffloadRod : byte
{
    /// <summary>No offload.</summary>
    None = 0,
    /// <summary>NlChecksumSupported: network-layer (IPv4 header) checksum offload.</summary>
    NlChecksumSupported = 1,
    /// <summary>NlOptionsSupported: network-layer options are supported by the offload.</summary>
    NlOptionsSupported = 2,
    /// <summary>TlDatagramChecksumSupported: UDP checksum offload.</summary>
    TlDatagramChecksumSupported = 4,
    /// <summary>TlStreamChecksumSupported: TCP checksum offload.</summary>
    TlStreamChecksumSupported = 8,
    /// <summary>TlStreamOptionsSupported: TCP options are supported by the offload.</summary>
    TlStreamOptionsSupported = 16,
    /// <summary>FastPathCompatible: compatible with the loopback fast path.</summary>
    FastPathCompatible = 32,
    /// <summary>TlLargeSendOffloadSupported: TCP large send offload (TSO).</summary>
    TlLargeSendOffloadSupported = 64,
    /// <summary>TlGiantSendOffloadSupported: TCP giant send offload (LSOv2).</summary>
    TlGiantSendOffloadSupported = 128,
}
