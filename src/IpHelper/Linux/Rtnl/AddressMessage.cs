using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// One decoded address message: RTM_NEWADDR / RTM_DELADDR (unicast), or an entry of the multicast or
/// anycast membership lists (RTM_GETMULTICAST, RTM_GETANYCAST dump replies and their NEW/DEL
/// notifications). Spans are views into the receive buffer, valid only while the message is handled.
/// Unknown attributes are skipped.
/// </summary>
internal ref struct AddressMessage
{
    public ushort MessageType;
    public byte Family;
    public byte PrefixLength;
    public byte Scope;
    public int Index;

    /// <summary>IFA_FLAGS when present (it extends the 8-bit ifa_flags), else ifa_flags.</summary>
    public uint Flags;

    /// <summary>IFA_LOCAL: the local address of a point-to-point (peer) address; empty otherwise (always for IPv6 without a peer).</summary>
    public ReadOnlySpan<byte> Local;

    /// <summary>IFA_ADDRESS: the address, or the peer of a point-to-point address.</summary>
    public ReadOnlySpan<byte> Address;

    /// <summary>IFA_MULTICAST or IFA_ANYCAST of a membership message.</summary>
    public ReadOnlySpan<byte> Group;

    public ReadOnlySpan<byte> Label;

    /// <summary>IFA_PROTO: who installed the address (IFAPROT_*), 0 when absent.</summary>
    public byte Protocol;

    /// <summary>IFA_RT_PRIORITY: the metric of the prefix route the address installs, 0 when absent.</summary>
    public uint RoutePriority;

    public bool HasCacheInfo;

    /// <summary>struct ifa_cacheinfo: remaining preferred and valid lifetimes in seconds (0xFFFFFFFF infinite).</summary>
    public uint PreferredLifetime;
    public uint ValidLifetime;

    /// <summary>Creation and last update, in hundredths of a second since boot (jiffies without INITIAL_JIFFIES).</summary>
    public uint CreatedCentiseconds;
    public uint UpdatedCentiseconds;

    /// <summary>The interface's own address: IFA_LOCAL when present, else IFA_ADDRESS.</summary>
    public readonly ReadOnlySpan<byte> LocalAddress => Local.IsEmpty ? Address : Local;

    /// <summary>True for RTM_NEWADDR and RTM_DELADDR.</summary>
    public readonly bool IsUnicast => MessageType is RtnlMessageType.RTM_NEWADDR or RtnlMessageType.RTM_DELADDR;

    /// <summary>True when the attribute lengths fit the family (4 or 16 bytes).</summary>
    private readonly bool LengthsFit(int length) =>
        (Address.IsEmpty || Address.Length == length) && (Local.IsEmpty || Local.Length == length) && (Group.IsEmpty || Group.Length == length);

    /// <summary>Decodes an address or membership message; false when it is of another type, too short, or malformed.</summary>
    public static bool TryDecode(in NetlinkMessage message, out AddressMessage address)
    {
        address = default;
        if (!IsAddressType(message.Type) || !message.TryReadHeader(out IfAddrMsg header)) return false;
        address.MessageType = message.Type;
        address.Family = header.Family;
        address.PrefixLength = header.PrefixLength;
        address.Scope = header.Scope;
        address.Index = header.Index;
        address.Flags = header.Flags;
        var attributes = message.Attributes(Unsafe.SizeOf<IfAddrMsg>());
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            switch (attribute.Type)
            {
                case AddressConstants.IFA_ADDRESS: address.Address = attribute.Value; break;
                case AddressConstants.IFA_LOCAL: address.Local = attribute.Value; break;
                case AddressConstants.IFA_MULTICAST:
                case AddressConstants.IFA_ANYCAST: address.Group = attribute.Value; break;
                case AddressConstants.IFA_LABEL: address.Label = attribute.Value; break;
                case AddressConstants.IFA_FLAGS: attribute.TryGetU32(out address.Flags); break;
                case AddressConstants.IFA_PROTO: attribute.TryGetU8(out address.Protocol); break;
                case AddressConstants.IFA_RT_PRIORITY: attribute.TryGetU32(out address.RoutePriority); break;
                case AddressConstants.IFA_CACHEINFO:
                    if (attribute.Value.Length >= 16)
                    {
                        var v = attribute.Value;
                        address.HasCacheInfo = true;
                        address.PreferredLifetime = BinaryPrimitives.ReadUInt32LittleEndian(v);
                        address.ValidLifetime = BinaryPrimitives.ReadUInt32LittleEndian(v[4..]);
                        address.CreatedCentiseconds = BinaryPrimitives.ReadUInt32LittleEndian(v[8..]);
                        address.UpdatedCentiseconds = BinaryPrimitives.ReadUInt32LittleEndian(v[12..]);
                    }
                    break;
            }
        }
        if (attributes.Malformed) return false;
        var expected = LinuxFamily.AddressLength(header.Family);
        if (expected == 0 || !address.LengthsFit(expected)) return false;
        return address.IsUnicast ? !address.LocalAddress.IsEmpty : !address.Group.IsEmpty;
    }

    private static bool IsAddressType(ushort type) => type is RtnlMessageType.RTM_NEWADDR or RtnlMessageType.RTM_DELADDR
        or RtnlMessageType.RTM_GETMULTICAST or AddressConstants.RTM_NEWMULTICAST or AddressConstants.RTM_DELMULTICAST
        or RtnlMessageType.RTM_GETANYCAST or AddressConstants.RTM_NEWANYCAST or AddressConstants.RTM_DELANYCAST;
}
