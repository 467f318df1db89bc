using System.Buffers.Binary;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>Encodes address requests: dumps of the unicast, multicast and anycast lists, RTM_NEWADDR and RTM_DELADDR.</summary>
internal static class AddressRequest
{
    /// <summary>
    /// A dump of <paramref name="type"/> (RTM_GETADDR, RTM_GETMULTICAST or RTM_GETANYCAST) for one family
    /// (AF_UNSPEC for every family where the kernel allows it), filtered by the kernel to one interface
    /// when <paramref name="index"/> is not 0 (strict checking).
    /// </summary>
    public static void Dump(NetlinkMessageWriter writer, ushort type, byte family, int index)
    {
        writer.BeginMessage(type, 0);
        ref var header = ref writer.Header<IfAddrMsg>();
        header.Family = family;
        header.Index = index;
        writer.EndMessage();
    }

    /// <summary>
    /// RTM_NEWADDR: creates the address (NLM_F_CREATE | NLM_F_EXCL) or, with <paramref name="replace"/>,
    /// changes an existing one (NLM_F_REPLACE), as <c>ip address add</c> / <c>replace</c> do. IPv4 gets
    /// IFA_LOCAL and IFA_ADDRESS (and the subnet broadcast for prefixes up to /30); IPv6 gets IFA_ADDRESS.
    /// </summary>
    public static void New(NetlinkMessageWriter writer, in AddressSpec spec, bool replace)
    {
        var flags = replace ? NetlinkConstants.NLM_F_REPLACE : (ushort)(NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_EXCL);
        writer.BeginMessage(RtnlMessageType.RTM_NEWADDR, flags);
        ref var header = ref writer.Header<IfAddrMsg>();
        header.Family = spec.Family;
        header.PrefixLength = spec.PrefixLength;
        header.Flags = (byte)spec.Flags;
        header.Scope = spec.Scope;
        header.Index = spec.Index;
        if (spec.Family == LinuxFamily.AF_INET)
        {
            writer.Put(AddressConstants.IFA_LOCAL, spec.Address);
            writer.Put(AddressConstants.IFA_ADDRESS, spec.Peer.IsEmpty ? spec.Address : spec.Peer);
            if (spec.Peer.IsEmpty && spec.PrefixLength <= 30)
            {
                Span<byte> broadcast = stackalloc byte[4];
                var host = spec.PrefixLength == 0 ? uint.MaxValue : uint.MaxValue >> spec.PrefixLength;
                BinaryPrimitives.WriteUInt32BigEndian(broadcast, BinaryPrimitives.ReadUInt32BigEndian(spec.Address) | host);
                writer.Put(AddressConstants.IFA_BROADCAST, broadcast);
            }
        }
        else
        {
            if (!spec.Peer.IsEmpty) writer.Put(AddressConstants.IFA_LOCAL, spec.Address);
            writer.Put(AddressConstants.IFA_ADDRESS, spec.Peer.IsEmpty ? spec.Address : spec.Peer);
        }
        Span<byte> cacheInfo = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(cacheInfo, spec.PreferredLifetime);
        BinaryPrimitives.WriteUInt32LittleEndian(cacheInfo[4..], spec.ValidLifetime);
        writer.Put(AddressConstants.IFA_CACHEINFO, cacheInfo);
        writer.PutU32(AddressConstants.IFA_FLAGS, spec.Flags);
        if (spec.Protocol != 0) writer.PutU8(AddressConstants.IFA_PROTO, spec.Protocol);
        if (spec.RoutePriority != 0) writer.PutU32(AddressConstants.IFA_RT_PRIORITY, spec.RoutePriority);
        if (!spec.Label.IsEmpty) writer.Put(AddressConstants.IFA_LABEL, spec.Label);
        writer.EndMessage();
    }

    /// <summary>RTM_DELADDR of exactly one address: its local address, prefix length and (for a peer address) peer.</summary>
    public static void Delete(NetlinkMessageWriter writer, in AddressSpec spec)
    {
        writer.BeginMessage(RtnlMessageType.RTM_DELADDR, 0);
        ref var header = ref writer.Header<IfAddrMsg>();
        header.Family = spec.Family;
        header.PrefixLength = spec.PrefixLength;
        header.Index = spec.Index;
        if (spec.Family == LinuxFamily.AF_INET || !spec.Peer.IsEmpty) writer.Put(AddressConstants.IFA_LOCAL, spec.Address);
        writer.Put(AddressConstants.IFA_ADDRESS, spec.Peer.IsEmpty ? spec.Address : spec.Peer);
        writer.EndMessage();
    }
}

/// <summary>What RTM_NEWADDR / RTM_DELADDR say about one address, in kernel terms (Linux family, IFA_F_* flags, seconds).</summary>
internal readonly ref struct AddressSpec
{
    public byte Family { get; init; }
    public int Index { get; init; }
    public byte PrefixLength { get; init; }
    public ReadOnlySpan<byte> Address { get; init; }

    /// <summary>The peer of a point-to-point address, or empty.</summary>
    public ReadOnlySpan<byte> Peer { get; init; }

    public uint Flags { get; init; }
    public byte Scope { get; init; }
    public uint ValidLifetime { get; init; }
    public uint PreferredLifetime { get; init; }
    public byte Protocol { get; init; }

    /// <summary>IFA_RT_PRIORITY to keep on a replace (the kernel resets it to 0 when it is left out), or 0.</summary>
    public uint RoutePriority { get; init; }

    /// <summary>The IPv4 label with its NUL, to keep it when an address is added again, or empty.</summary>
    public ReadOnlySpan<byte> Label { get; init; }
}
