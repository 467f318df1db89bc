using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// MIB_IF_ROW2: a network interface (1352 bytes, Windows x64 layout). On Linux a row describes
/// one link of the current network namespace: the LUID and index come from the ifindex, the
/// alias is the interface name and the counters are the kernel's 64-bit link statistics.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibIfRow2
{
    /// <summary>The locally unique identifier of the interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The interface index (on Linux, the ifindex); it may change when the interface is re-created.</summary>
    public uint InterfaceIndex;

    /// <summary>The GUID of the interface (on Linux, a stable name-based UUID; see docs/mapping.md).</summary>
    public Guid InterfaceGuid;

    /// <summary>The raw Alias buffer (WCHAR[257]); <see cref="Alias"/> reads and writes it as a string.</summary>
    public IfStringBuffer AliasChars;

    /// <summary>The raw Description buffer (WCHAR[257]); <see cref="Description"/> reads and writes it as a string.</summary>
    public IfStringBuffer DescriptionChars;

    /// <summary>The number of bytes used in <see cref="PhysicalAddress"/> and <see cref="PermanentPhysicalAddress"/>.</summary>
    public uint PhysicalAddressLength;

    /// <summary>The current link-layer address; <see cref="PhysicalAddressLength"/> bytes are used.</summary>
    public IfPhysicalAddressBuffer PhysicalAddress;

    /// <summary>The link-layer address burnt into the hardware; <see cref="PhysicalAddressLength"/> bytes are used.</summary>
    public IfPhysicalAddressBuffer PermanentPhysicalAddress;

    /// <summary>The maximum transmission unit, in bytes.</summary>
    public uint Mtu;

    /// <summary>The IANA interface type.</summary>
    public IfType Type;

    /// <summary>The encapsulation, for a tunnel interface.</summary>
    public TunnelType TunnelType;

    /// <summary>The NDIS medium type.</summary>
    public NdisMedium MediaType;

    /// <summary>The physical medium type.</summary>
    public NdisPhysicalMedium PhysicalMediumType;

    /// <summary>How the interface reaches its peers.</summary>
    public NetIfAccessType AccessType;

    /// <summary>The directions the interface carries traffic in.</summary>
    public NetIfDirectionType DirectionType;

    /// <summary>The interface and operational status flags (a one-byte bit field).</summary>
    public InterfaceAndOperStatusFlags InterfaceAndOperStatusFlags;

    /// <summary>The operational status.</summary>
    public IfOperStatus OperStatus;

    /// <summary>The administrative status.</summary>
    public NetIfAdminStatus AdminStatus;

    /// <summary>Whether the medium is connected.</summary>
    public NetIfMediaConnectState MediaConnectState;

    /// <summary>The GUID of the network the interface belongs to, or <see cref="Guid.Empty"/>.</summary>
    public Guid NetworkGuid;

    /// <summary>How the connection is brought up.</summary>
    public NetIfConnectionType ConnectionType;

    /// <summary>The transmit speed, in bits per second.</summary>
    public ulong TransmitLinkSpeed;

    /// <summary>The receive speed, in bits per second.</summary>
    public ulong ReceiveLinkSpeed;

    /// <summary>Octets received.</summary>
    public ulong InOctets;

    /// <summary>Unicast packets received.</summary>
    public ulong InUcastPkts;

    /// <summary>Non-unicast (broadcast and multicast) packets received.</summary>
    public ulong InNUcastPkts;

    /// <summary>Inbound packets discarded without an error.</summary>
    public ulong InDiscards;

    /// <summary>Inbound packets discarded because of errors.</summary>
    public ulong InErrors;

    /// <summary>Inbound packets discarded because of an unknown protocol.</summary>
    public ulong InUnknownProtos;

    /// <summary>Octets received in unicast packets.</summary>
    public ulong InUcastOctets;

    /// <summary>Octets received in multicast packets.</summary>
    public ulong InMulticastOctets;

    /// <summary>Octets received in broadcast packets.</summary>
    public ulong InBroadcastOctets;

    /// <summary>Octets sent.</summary>
    public ulong OutOctets;

    /// <summary>Unicast packets sent.</summary>
    public ulong OutUcastPkts;

    /// <summary>Non-unicast (broadcast and multicast) packets sent.</summary>
    public ulong OutNUcastPkts;

    /// <summary>Outbound packets discarded without an error.</summary>
    public ulong OutDiscards;

    /// <summary>Outbound packets discarded because of errors.</summary>
    public ulong OutErrors;

    /// <summary>Octets sent in unicast packets.</summary>
    public ulong OutUcastOctets;

    /// <summary>Octets sent in multicast packets.</summary>
    public ulong OutMulticastOctets;

    /// <summary>Octets sent in broadcast packets.</summary>
    public ulong OutBroadcastOctets;

    /// <summary>The length of the output packet queue.</summary>
    public ulong OutQLen;

    /// <summary>
    /// The interface alias, the characters of <see cref="AliasChars"/> before the first NUL (on Linux,
    /// the interface name). Setting it stores at most 256 characters followed by NULs.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Alias
    {
        readonly get => IfStringBuffer.Read(in AliasChars);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            IfStringBuffer.Write(ref AliasChars, value);
        }
    }

    /// <summary>
    /// The interface description, the characters of <see cref="DescriptionChars"/> before the first NUL.
    /// Setting it stores at most 256 characters followed by NULs.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public string Description
    {
        readonly get => IfStringBuffer.Read(in DescriptionChars);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            IfStringBuffer.Write(ref DescriptionChars, value);
        }
    }

    /// <summary>The used bytes of <see cref="PhysicalAddress"/> (<see cref="PhysicalAddressLength"/> of them, at most 32).</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> GetPhysicalAddressBytes() =>
        ((ReadOnlySpan<byte>)PhysicalAddress)[..UsedLength];

    /// <summary>The used bytes of <see cref="PermanentPhysicalAddress"/> (<see cref="PhysicalAddressLength"/> of them, at most 32).</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> GetPermanentPhysicalAddressBytes() =>
        ((ReadOnlySpan<byte>)PermanentPhysicalAddress)[..UsedLength];

    /// <summary>The current link-layer address as a <see cref="System.Net.NetworkInformation.PhysicalAddress"/>.</summary>
    public readonly System.Net.NetworkInformation.PhysicalAddress GetPhysicalAddress() =>
        IfPhysicalAddressBuffer.ToPhysicalAddress(in PhysicalAddress, PhysicalAddressLength);

    /// <summary>The permanent link-layer address as a <see cref="System.Net.NetworkInformation.PhysicalAddress"/>.</summary>
    public readonly System.Net.NetworkInformation.PhysicalAddress GetPermanentPhysicalAddress() =>
        IfPhysicalAddressBuffer.ToPhysicalAddress(in PermanentPhysicalAddress, PhysicalAddressLength);

    /// <summary>Stores the current link-layer address, zeroes the rest of the buffer and sets <see cref="PhysicalAddressLength"/>.</summary>
    /// <param name="address">At most 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is longer than 32 bytes.</exception>
    public void SetPhysicalAddress(ReadOnlySpan<byte> address)
    {
        IfPhysicalAddressBuffer.Write(ref PhysicalAddress, address, nameof(address));
        PhysicalAddressLength = (uint)address.Length;
    }

    /// <summary>
    /// Stores the permanent link-layer address and zeroes the rest of the buffer. The length is the
    /// one <see cref="PhysicalAddressLength"/> shared with <see cref="PhysicalAddress"/>, which this
    /// method leaves unchanged.
    /// </summary>
    /// <param name="address">At most 32 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is longer than 32 bytes.</exception>
    public void SetPermanentPhysicalAddress(ReadOnlySpan<byte> address) =>
        IfPhysicalAddressBuffer.Write(ref PermanentPhysicalAddress, address, nameof(address));

    private readonly int UsedLength => (int)Math.Min(PhysicalAddressLength, (uint)IfPhysicalAddressBuffer.MaxLength);
}
