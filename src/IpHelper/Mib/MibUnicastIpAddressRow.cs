using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// MIB_UNICASTIPADDRESS_ROW: a unicast IP address of an interface (80 bytes, Windows x64 layout).
/// <see cref="Address"/> and the interface identify the row.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibUnicastIpAddressRow
{
    /// <summary>The address (IPv6 link-local addresses carry their scope id).</summary>
    public SockAddrInet Address;

    /// <summary>The locally unique identifier of the interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The interface index.</summary>
    public uint InterfaceIndex;

    /// <summary>Where the prefix (network part) came from.</summary>
    public NlPrefixOrigin PrefixOrigin;

    /// <summary>Where the suffix (host part) came from.</summary>
    public NlSuffixOrigin SuffixOrigin;

    /// <summary>The valid lifetime, in seconds; 0xFFFFFFFF is infinite.</summary>
    public uint ValidLifetime;

    /// <summary>The preferred lifetime, in seconds; 0xFFFFFFFF is infinite.</summary>
    public uint PreferredLifetime;

    /// <summary>The length of the on-link prefix, in bits; 255 in a Create call means the full length (32 or 128).</summary>
    public byte OnLinkPrefixLength;

    /// <summary>Whether the address is never chosen as a source address.</summary>
    public bool SkipAsSource;

    /// <summary>The duplicate address detection state.</summary>
    public NlDadState DadState;

    /// <summary>The scope identifier of the address.</summary>
    public ScopeId ScopeId;

    /// <summary>When the address was created, as a Windows FILETIME (100-nanosecond intervals since 1601-01-01 UTC).</summary>
    public long CreationTimeStamp;
}
