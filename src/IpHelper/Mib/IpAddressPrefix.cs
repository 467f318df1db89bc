using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// IP_ADDRESS_PREFIX: an address and a prefix length, 32 bytes with the Windows layout
/// (<see cref="Prefix"/> at 0, <see cref="PrefixLength"/> at 28, 3 bytes of padding).
/// Unlike <see cref="IPNetwork"/>, the address keeps its host bits and its IPv6 scope id.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct IpAddressPrefix : IEquatable<IpAddressPrefix>
{
    /// <summary>The address, possibly with host bits set beyond <see cref="PrefixLength"/>.</summary>
    public SockAddrInet Prefix;

    /// <summary>The number of leading bits of <see cref="Prefix"/> that form the prefix: 0-32 for IPv4, 0-128 for IPv6.</summary>
    public byte PrefixLength;

    /// <summary>Creates a prefix from an address and a length; the address is kept as given.</summary>
    /// <param name="prefix">The address.</param>
    /// <param name="prefixLength">The prefix length in bits.</param>
    public IpAddressPrefix(SockAddrInet prefix, byte prefixLength)
    {
        Prefix = prefix;
        PrefixLength = prefixLength;
    }

    /// <summary>True when <see cref="Prefix"/> has a bit set beyond the first <see cref="PrefixLength"/> bits.</summary>
    public readonly bool HasHostBits
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            var length = Prefix.WriteAddressBytes(bytes);
            var bits = Math.Min((int)PrefixLength, length * 8);
            var whole = bits / 8;
            if (whole < length && (bytes[whole] & (0xFF >> (bits % 8))) != 0) return true;
            return whole + 1 < length && bytes[(whole + 1)..length].ContainsAnyExcept((byte)0);
        }
    }

    /// <summary>Creates a prefix from an <see cref="IPNetwork"/> (which has no host bits; an IPv6 base address keeps its scope id).</summary>
    /// <param name="network">The network.</param>
    /// <exception cref="ArgumentException">The network's base address is missing or not IPv4/IPv6.</exception>
    public static IpAddressPrefix FromIPNetwork(IPNetwork network)
    {
        if (network.BaseAddress is not { } address)
            throw new ArgumentException("The network has no base address.", nameof(network));
        return new IpAddressPrefix(SockAddrInet.FromIPAddress(address), (byte)network.PrefixLength);
    }

    /// <summary>
    /// The prefix as an <see cref="IPNetwork"/>. <see cref="IPNetwork"/> cannot hold host bits or a
    /// scope id, so both are dropped (the <see cref="Prefix"/> field keeps them).
    /// </summary>
    /// <exception cref="InvalidOperationException">The family is unspecified or <see cref="PrefixLength"/> is too long for it.</exception>
    public readonly IPNetwork ToIPNetwork()
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = Prefix.WriteAddressBytes(bytes);
        if (length == 0)
            throw new InvalidOperationException("A prefix of unspecified family has no IPNetwork.");
        if (PrefixLength > length * 8)
            throw new InvalidOperationException($"Prefix length {PrefixLength} is longer than {length * 8} bits.");
        bytes = bytes[..length];
        var whole = PrefixLength / 8;
        if (whole < length)
        {
            bytes[whole] &= (byte)~(0xFF >> (PrefixLength % 8));
            bytes[(whole + 1)..].Clear();
        }
        return new IPNetwork(new IPAddress(bytes), PrefixLength);
    }

    /// <summary>
    /// <c>&lt;address&gt;/&lt;length&gt;</c> with the address as <see cref="SockAddrInet.ToString"/>
    /// writes it, so an IPv6 scope id appears before the slash (<c>fe80::%3/64</c>) and an
    /// unspecified family gives <c>/&lt;length&gt;</c>.
    /// </summary>
    public override readonly string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{PrefixLength}");

    /// <summary>
    /// Parses <c>address/length</c> where the address is anything <see cref="SockAddrInet.TryParse(string?, out SockAddrInet)"/>
    /// accepts (so <c>fe80::1%3/64</c> carries scope id 3) and the length is a decimal number no
    /// larger than 32 for IPv4 or 128 for IPv6. Host bits are kept.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="value">The prefix, or the default value when parsing fails.</param>
    /// <returns>True when <paramref name="s"/> is a valid prefix.</returns>
    public static bool TryParse(string? s, out IpAddressPrefix value)
    {
        value = default;
        var text = s.AsSpan();
        var slash = text.LastIndexOf('/');
        if (slash < 0 || !SockAddrInet.TryParse(text[..slash], out var address)) return false;
        var max = address.Family == AddressFamily.InterNetwork ? 32u : 128u;
        if (!SockAddrInet.TryParseDecimal(text[(slash + 1)..], max, out var length)) return false;
        value = new IpAddressPrefix(address, (byte)length);
        return true;
    }

    /// <summary>True when the addresses are equal in all 28 bytes and the lengths are equal; padding is ignored.</summary>
    /// <param name="other">The prefix to compare with.</param>
    public readonly bool Equals(IpAddressPrefix other) => PrefixLength == other.PrefixLength && Prefix.Equals(other.Prefix);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is IpAddressPrefix other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(Prefix, PrefixLength);

    /// <summary>True when address and length are equal.</summary>
    /// <param name="left">The first prefix.</param>
    /// <param name="right">The second prefix.</param>
    public static bool operator ==(IpAddressPrefix left, IpAddressPrefix right) => left.Equals(right);

    /// <summary>True when address or length differ.</summary>
    /// <param name="left">The first prefix.</param>
    /// <param name="right">The second prefix.</param>
    public static bool operator !=(IpAddressPrefix left, IpAddressPrefix right) => !left.Equals(right);
}
