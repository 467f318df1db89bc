using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// MIB_IPNET_ROW2: a neighbour cache entry, the link-layer address of an IP neighbour (88 bytes,
/// Windows x64 layout). <see cref="Address"/> and the interface identify the row.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibIpNetRow2
{
    private const byte IsRouterBit = 0x01;
    private const byte IsUnreachableBit = 0x02;

    /// <summary>The neighbour's IP address.</summary>
    public SockAddrInet Address;

    /// <summary>The interface index.</summary>
    public uint InterfaceIndex;

    /// <summary>The locally unique identifier of the interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The neighbour's link-layer address; <see cref="PhysicalAddressLength"/> bytes are used.</summary>
    public IfPhysicalAddressBuffer PhysicalAddress;

    /// <summary>The number of bytes used in <see cref="PhysicalAddress"/>.</summary>
    public uint PhysicalAddressLength;

    /// <summary>The state of the entry.</summary>
    public NlNeighborState State;

    /// <summary>The flag byte: bit 0 <see cref="IsRouter"/>, bit 1 <see cref="IsUnreachable"/>.</summary>
    public byte Flags;

    private uint _reachabilityTime;

    /// <summary>Bit 0 of <see cref="Flags"/>: the neighbour is a router.</summary>
    public bool IsRouter
    {
        readonly get => (Flags & IsRouterBit) != 0;
        set => Flags = value ? (byte)(Flags | IsRouterBit) : (byte)(Flags & ~IsRouterBit);
    }

    /// <summary>Bit 1 of <see cref="Flags"/>: the neighbour is unreachable.</summary>
    public bool IsUnreachable
    {
        readonly get => (Flags & IsUnreachableBit) != 0;
        set => Flags = value ? (byte)(Flags | IsUnreachableBit) : (byte)(Flags & ~IsUnreachableBit);
    }

    /// <summary>
    /// ReachabilityTime.LastReachable: milliseconds since the neighbour was last known reachable,
    /// meaningful when <see cref="IsUnreachable"/> is false. Shares its storage with <see cref="LastUnreachable"/>.
    /// </summary>
    public uint LastReachable
    {
        readonly get => _reachabilityTime;
        set => _reachabilityTime = value;
    }

    /// <summary>
    /// ReachabilityTime.LastUnreachable: milliseconds since the neighbour was last known unreachable,
    /// meaningful when <see cref="IsUnreachable"/> is true. Shares its storage with <see cref="LastReachable"/>.
    /// </summary>
    public uint LastUnreachable
    {
        readonly get => _reachabilityTime;
        set => _reachabilityTime = value;
    }

    /// <summary>The used bytes of <see cref="PhysicalAddress"/> (<see cref="PhysicalAddressLength"/> of them, at most 32).</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> GetPhysicalAddressBytes() =>
        ((ReadOnlySpan<byte>)PhysicalAddress)[..(int)Math.Min(PhysicalAddressLength, (uint)IfPhysicalAddressBuffer.MaxLength)];

    /// <summary>The neighbour's link-layer address as a <see cref="System.Net.NetworkInformation.PhysicalAddress"/>.</summary>
    public readonly System.Net.NetworkInformation.PhysicalAddress GetPhysicalAddress() =>
        IfPhysicalAddressBuffer.ToPhysicalAddress(in PhysicalAddress, PhysicalAddressLength);

    /// <summary>Stores the link-layer address, zeroes the rest of the buffer and sets <see cref="PhysicalAddressLength"/>.</summary>
    /// <param name="address">At most 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is longer than 32 bytes.</exception>
    public void SetPhysicalAddress(ReadOnlySpan<byte> address)
    {
        IfPhysicalAddressBuffer.Write(ref PhysicalAddress, address, nameof(address));
        PhysicalAddressLength = (uint)address.Length;
    }
}
