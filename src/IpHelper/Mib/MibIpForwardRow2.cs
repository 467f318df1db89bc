using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// MIB_IPFORWARD_ROW2: a route (104 bytes, Windows x64 layout). The destination prefix, the next
/// hop and the interface identify the row. The metric used to rank routes is
/// <see cref="Metric"/> plus the interface metric (<see cref="MibIpInterfaceRow.Metric"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibIpForwardRow2
{
    /// <summary>The locally unique identifier of the outgoing interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The index of the outgoing interface.</summary>
    public uint InterfaceIndex;

    /// <summary>The destination prefix.</summary>
    public IpAddressPrefix DestinationPrefix;

    /// <summary>The next hop; the unspecified address (0.0.0.0 or ::) for an on-link route.</summary>
    public SockAddrInet NextHop;

    /// <summary>The site prefix length, in bits.</summary>
    public byte SitePrefixLength;

    /// <summary>The valid lifetime, in seconds; 0xFFFFFFFF is infinite.</summary>
    public uint ValidLifetime;

    /// <summary>The preferred lifetime, in seconds; 0xFFFFFFFF is infinite.</summary>
    public uint PreferredLifetime;

    /// <summary>The route metric offset, added to the interface metric to rank routes; its meaning depends on <see cref="Protocol"/>.</summary>
    public uint Metric;

    /// <summary>The mechanism the route was added by.</summary>
    public NlRouteProtocol Protocol;

    /// <summary>Whether the route is a loopback route (its gateway is on the local host).</summary>
    public bool Loopback;

    /// <summary>Whether the IP address is configured automatically.</summary>
    public bool AutoconfigureAddress;

    /// <summary>Whether the route is published.</summary>
    public bool Publish;

    /// <summary>Whether the route is immortal (Windows documents no more than that).</summary>
    public bool Immortal;

    /// <summary>The seconds since the route was added or last modified.</summary>
    public uint Age;

    /// <summary>How the route came to be.</summary>
    public NlRouteOrigin Origin;
}
