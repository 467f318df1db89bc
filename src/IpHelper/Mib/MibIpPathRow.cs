using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// MIB_IPPATH_ROW: what the stack knows about the path to a destination (136 bytes, Windows x64
/// layout): next hop, path MTU, round-trip estimates and reachability.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibIpPathRow
{
    /// <summary>The source address of the path.</summary>
    public SockAddrInet Source;

    /// <summary>The destination address of the path.</summary>
    public SockAddrInet Destination;

    /// <summary>The locally unique identifier of the outgoing interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The index of the outgoing interface.</summary>
    public uint InterfaceIndex;

    /// <summary>The next hop currently used for the destination.</summary>
    public SockAddrInet CurrentNextHop;

    /// <summary>The path MTU, in bytes.</summary>
    public uint PathMtu;

    /// <summary>The estimated mean round-trip time, in milliseconds.</summary>
    public uint RttMean;

    /// <summary>The estimated mean deviation of the round-trip time, in milliseconds.</summary>
    public uint RttDeviation;

    private uint _reachabilityTime;

    /// <summary>Whether the destination is reachable.</summary>
    public bool IsReachable;

    /// <summary>The transmit speed of the outgoing link, in bits per second.</summary>
    public ulong LinkTransmitSpeed;

    /// <summary>The receive speed of the outgoing link, in bits per second.</summary>
    public ulong LinkReceiveSpeed;

    /// <summary>
    /// Milliseconds since the destination was last known reachable, meaningful when
    /// <see cref="IsReachable"/> is true. Shares its storage with <see cref="LastUnreachable"/>.
    /// </summary>
    public uint LastReachable
    {
        readonly get => _reachabilityTime;
        set => _reachabilityTime = value;
    }

    /// <summary>
    /// Milliseconds since the destination was last known unreachable, meaningful when
    /// <see cref="IsReachable"/> is false. Shares its storage with <see cref="LastReachable"/>.
    /// </summary>
    public uint LastUnreachable
    {
        readonly get => _reachabilityTime;
        set => _reachabilityTime = value;
    }
}
