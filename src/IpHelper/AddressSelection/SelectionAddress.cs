using System.Buffers.Binary;
using System.Net.Sockets;

namespace IpHelper.AddressSelection;

/// <summary>
/// Address properties RFC 6724 works with, on an IPv6 address held as a big-endian 128-bit number
/// (IPv4 addresses are taken in their IPv4-mapped form ::ffff:a.b.c.d, as the RFC prescribes).
/// </summary>
internal static class SelectionAddress
{
    private static readonly UInt128 s_mappedPrefix = new(0, 0x0000_FFFF_0000_0000);
    private static readonly UInt128 s_mappedMask = new(ulong.MaxValue, 0xFFFF_FFFF_0000_0000);

    /// <summary>Scope values (RFC 4291 section 2.7, used for unicast too): interface-local 1, link-local 2, admin 4, site-local 5, organization 8, global 14.</summary>
    public const int InterfaceLocal = 1, LinkLocal = 2, SiteLocal = 5, Global = 14;

    /// <summary>The 128-bit form of an IPv6 address, or of an IPv4 address as ::ffff:a.b.c.d.</summary>
    public static UInt128 From(in SockAddrInet address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.Family == AddressFamily.InterNetwork)
        {
            address.WriteAddressBytes(bytes[12..]);
            bytes[10] = bytes[11] = 0xFF;
        }
        else address.WriteAddressBytes(bytes);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>The 128-bit form of 4 (IPv4, mapped) or 16 address bytes.</summary>
    public static UInt128 From(ReadOnlySpan<byte> address)
    {
        if (address.Length == 16) return BinaryPrimitives.ReadUInt128BigEndian(address);
        return s_mappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(address);
    }

    /// <summary>True for ::ffff:0:0/96, the IPv4-mapped addresses.</summary>
    public static bool IsIpv4Mapped(UInt128 address) => (address & s_mappedMask) == s_mappedPrefix;

    public static bool IsMulticast(UInt128 address) => (address >> 120) == 0xFF;

    /// <summary>
    /// Scope(A) of RFC 6724 section 3.1: the scope field of a multicast address; link-local for fe80::/10,
    /// ::1, and IPv4 169.254.0.0/16 and 127.0.0.0/8; site-local for the deprecated fec0::/10; global
    /// for everything else (ULAs included: the policy table tells them apart).
    /// </summary>
    public static int Scope(UInt128 address)
    {
        if (IsMulticast(address)) return (int)((address >> 112) & 0xF);
        if (address == UInt128.One) return LinkLocal;
        var top10 = (int)(address >> 118);
        if (top10 == 0x3FA) return LinkLocal;
        if (top10 == 0x3FB) return SiteLocal;
        if (IsIpv4Mapped(address))
        {
            var v4 = (uint)address;
            if (v4 >> 24 == 127 || v4 >> 16 == 0xA9FE) return LinkLocal;
        }
        return Global;
    }

    /// <summary>
    /// CommonPrefixLen(S, D) of RFC 6724 section 2.2: the leading bits S and D share, at most
    /// <paramref name="sourcePrefixLength"/> (the length of S's prefix, in 128-bit terms: 96 more for IPv4).
    /// </summary>
    public static int CommonPrefixLength(UInt128 source, int sourcePrefixLength, UInt128 destination)
    {
        var common = (int)UInt128.LeadingZeroCount(source ^ destination);
        return Math.Min(common, sourcePrefixLength);
    }

    /// <summary>True when the first <paramref name="length"/> bits of <paramref name="a"/> and <paramref name="b"/> are equal.</summary>
    public static bool SamePrefix(UInt128 a, UInt128 b, int length) => length == 0 || (int)UInt128.LeadingZeroCount(a ^ b) >= length;
}
