using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// NL_PREFIX_ORIGIN and NL_SUFFIX_ORIGIN of a Linux address, from what the kernel records: ifa_proto
/// (IFA_PROTO, "who installed the address") and the IFA_F_* flags. When IpHelper creates or changes
/// an address whose origins the flags would not give back (a manual address with a finite lifetime,
/// a DHCP address with an infinite one, ...), it stores them in ifa_proto as
/// <c>0x80 | PrefixOrigin &lt;&lt; 3 | SuffixOrigin</c>; every other address is read from the kernel's
/// own flags. docs/mapping.md has the whole table.
/// </summary>
internal static class LinuxAddressOrigin
{
    private const byte Marker = 0x80;
    private const byte MarkerMask = 0xC0;

    /// <summary>The origins of an address with these flags, ifa_proto and address bytes.</summary>
    public static (NlPrefixOrigin Prefix, NlSuffixOrigin Suffix) Decode(ReadOnlySpan<byte> address, uint flags, byte protocol)
    {
        if (TryDecodeStored(protocol, out var stored)) return stored;
        var ipv6 = address.Length == 16;
        var random = (flags & AddressConstants.IFA_F_STABLE_PRIVACY) != 0;
        if (protocol == AddressConstants.IFAPROT_KERNEL_LO || IsLoopback(address))
            return (NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginWellKnown);
        if (protocol == AddressConstants.IFAPROT_KERNEL_LL)
            return (NlPrefixOrigin.IpPrefixOriginWellKnown, random ? NlSuffixOrigin.IpSuffixOriginRandom : NlSuffixOrigin.IpSuffixOriginLinkLayerAddress);
        if (ipv6 && (flags & AddressConstants.IFA_F_TEMPORARY) != 0)
            return (NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginRandom);
        if (protocol == AddressConstants.IFAPROT_KERNEL_RA)
            return (NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, random ? NlSuffixOrigin.IpSuffixOriginRandom : NlSuffixOrigin.IpSuffixOriginLinkLayerAddress);
        if (protocol != AddressConstants.IFAPROT_UNSPEC)
            return (NlPrefixOrigin.IpPrefixOriginOther, NlSuffixOrigin.IpSuffixOriginOther);
        if (IsLinkLocal(address))
            return (NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginManual);
        // Addresses added from user space: tools that configure by hand (ip, networkd and NetworkManager
        // static settings) add them without lifetimes; DHCP clients give them the lease's lifetimes.
        return (flags & AddressConstants.IFA_F_PERMANENT) != 0
            ? (NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual)
            : (NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp);
    }

    /// <summary>
    /// The ifa_proto to write so that the address reads back with the wanted origins: the current
    /// protocol or 0 when they already give them back, else the stored form.
    /// </summary>
    /// <param name="address">The address bytes.</param>
    /// <param name="flags">The IFA_F_* flags the address will have (IFA_F_PERMANENT for an infinite valid lifetime).</param>
    /// <param name="currentProtocol">The address's ifa_proto now, 0 for a new address.</param>
    /// <param name="prefix">The wanted prefix origin (not Unchanged).</param>
    /// <param name="suffix">The wanted suffix origin (not Unchanged).</param>
    public static byte ProtocolFor(ReadOnlySpan<byte> address, uint flags, byte currentProtocol, NlPrefixOrigin prefix, NlSuffixOrigin suffix)
    {
        if (Decode(address, flags, currentProtocol) == (prefix, suffix)) return currentProtocol;
        if (Decode(address, flags, AddressConstants.IFAPROT_UNSPEC) == (prefix, suffix)) return AddressConstants.IFAPROT_UNSPEC;
        return Encode(prefix, suffix);
    }

    /// <summary>The stored form of a pair of origins (each within its enumeration, not Unchanged).</summary>
    public static byte Encode(NlPrefixOrigin prefix, NlSuffixOrigin suffix) => (byte)(Marker | ((int)prefix << 3) | (int)suffix);

    private static bool TryDecodeStored(byte protocol, out (NlPrefixOrigin, NlSuffixOrigin) origins)
    {
        origins = default;
        if ((protocol & MarkerMask) != Marker) return false;
        var prefix = (protocol >> 3) & 7;
        var suffix = protocol & 7;
        if (prefix > (int)NlPrefixOrigin.IpPrefixOriginRouterAdvertisement || suffix > (int)NlSuffixOrigin.IpSuffixOriginRandom) return false;
        origins = ((NlPrefixOrigin)prefix, (NlSuffixOrigin)suffix);
        return true;
    }

    private static bool IsLoopback(ReadOnlySpan<byte> address) => address.Length == 4
        ? address[0] == 127
        : address[..15].IndexOfAnyExcept((byte)0) < 0 && address[15] == 1;

    /// <summary>fe80::/10 or 169.254.0.0/16.</summary>
    private static bool IsLinkLocal(ReadOnlySpan<byte> address) => address.Length == 4
        ? address[0] == 169 && address[1] == 254
        : address[0] == 0xFE && (address[1] & 0xC0) == 0x80;
}
