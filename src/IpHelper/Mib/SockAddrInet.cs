using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace IpHelper;

/// <summary>
/// SOCKADDR_INET: an IPv4 or IPv6 socket address stored inline in 28 bytes with the Windows
/// layout (family at 0, big-endian port at 2; IPv4 address at 4 followed by 8 zero bytes; IPv6
/// flow information at 4, address at 8, scope id at 24). The family uses the Windows values
/// (AF_INET 2, AF_INET6 23, AF_UNSPEC 0) on every platform, never the Linux AF_INET6 (10).
/// Every factory zeroes the bytes the family does not use, so equality compares all 28 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct SockAddrInet : IEquatable<SockAddrInet>
{
    private const int Ipv4Length = 4;
    private const int Ipv6Length = 16;
    private const int MaxIpv6TextLength = 45;

    private static readonly SearchValues<char> s_ipv6TextChars = SearchValues.Create("0123456789abcdefABCDEF:.");

    private readonly ushort _family;
    private readonly ushort _portNetworkOrder;
    private readonly uint _flowInfoOrIpv4Address;
    private readonly Ipv6AddressBytes _ipv6Address;
    private readonly uint _scopeId;

    private SockAddrInet(ReadOnlySpan<byte> address, ushort port, uint scopeId)
    {
        _portNetworkOrder = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(port) : port;
        if (address.Length == Ipv4Length)
        {
            _family = (ushort)AddressFamily.InterNetwork;
            _flowInfoOrIpv4Address = MemoryMarshal.Read<uint>(address);
        }
        else
        {
            _family = (ushort)AddressFamily.InterNetworkV6;
            address.CopyTo(_ipv6Address);
            _scopeId = scopeId;
        }
    }

    /// <summary>
    /// The address family: <see cref="AddressFamily.InterNetwork"/> (AF_INET, 2),
    /// <see cref="AddressFamily.InterNetworkV6"/> (AF_INET6, 23) or
    /// <see cref="AddressFamily.Unspecified"/> (AF_UNSPEC, 0) for the default value.
    /// </summary>
    public AddressFamily Family => (AddressFamily)_family;

    /// <summary>The port in host byte order (stored big-endian at offset 2); 0 in addresses that are not endpoints.</summary>
    public ushort Port => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(_portNetworkOrder) : _portNetworkOrder;

    /// <summary>The IPv6 scope id (sin6_scope_id; on Linux the interface index of a link-local address), or 0 for IPv4.</summary>
    public uint ScopeId => Family == AddressFamily.InterNetworkV6 ? _scopeId : 0;

    /// <summary>
    /// The IPv6 flow information (sin6_flowinfo) in host byte order, or 0 for IPv4.
    /// The Linux backend never sets it.
    /// </summary>
    public uint FlowInfo => Family == AddressFamily.InterNetworkV6
        ? (BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(_flowInfoOrIpv4Address) : _flowInfoOrIpv4Address)
        : 0;

    /// <summary>True when the family is unspecified or every address byte is zero (0.0.0.0 or ::).</summary>
    public bool IsUnspecified => Family switch
    {
        AddressFamily.InterNetwork => _flowInfoOrIpv4Address == 0,
        AddressFamily.InterNetworkV6 => !((ReadOnlySpan<byte>)_ipv6Address).ContainsAnyExcept((byte)0),
        _ => true,
    };

    /// <summary>True for an IPv4 address in 127.0.0.0/8 or the IPv6 address ::1 (an IPv4-mapped 127.x address is not included).</summary>
    public bool IsLoopback => Family switch
    {
        AddressFamily.InterNetwork => Ipv4Bytes[0] == 127,
        AddressFamily.InterNetworkV6 => ((ReadOnlySpan<byte>)_ipv6Address).SequenceEqual(s_ipv6Loopback),
        _ => false,
    };

    /// <summary>True for an IPv6 link-local address (fe80::/10).</summary>
    public bool IsIPv6LinkLocal =>
        Family == AddressFamily.InterNetworkV6 && _ipv6Address[0] == 0xFE && (_ipv6Address[1] & 0xC0) == 0x80;

    private static ReadOnlySpan<byte> s_ipv6Loopback => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

    [UnscopedRef]
    private ReadOnlySpan<byte> Ipv4Bytes => MemoryMarshal.AsBytes(new ReadOnlySpan<uint>(in _flowInfoOrIpv4Address));

    [UnscopedRef]
    private ReadOnlySpan<byte> AllBytes => MemoryMarshal.AsBytes(new ReadOnlySpan<SockAddrInet>(in this));

    /// <summary>
    /// Creates the socket address of <paramref name="address"/> with port 0. An IPv6 address keeps
    /// its scope id; an IPv4-mapped IPv6 address stays IPv6.
    /// </summary>
    /// <param name="address">An IPv4 or IPv6 address.</param>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="address"/> is neither IPv4 nor IPv6.</exception>
    public static SockAddrInet FromIPAddress(IPAddress address) => FromIPAddress(address, 0);

    /// <summary>Creates the socket address of an endpoint: its address (with the scope id of an IPv6 address) and port.</summary>
    /// <param name="endPoint">An IPv4 or IPv6 endpoint.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> is null.</exception>
    /// <exception cref="ArgumentException">The endpoint's address is neither IPv4 nor IPv6.</exception>
    public static SockAddrInet FromIPEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return FromIPAddress(endPoint.Address, (ushort)endPoint.Port);
    }

    /// <summary>Creates an address from its bytes in network order: 4 bytes make IPv4, 16 bytes IPv6.</summary>
    /// <param name="address">The 4 or 16 address bytes.</param>
    /// <param name="scopeId">The IPv6 scope id; must be 0 for IPv4.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not 4 or 16 bytes long, or an IPv4 address has a scope id.</exception>
    public static SockAddrInet FromBytes(ReadOnlySpan<byte> address, uint scopeId = 0)
    {
        if (address.Length != Ipv4Length && address.Length != Ipv6Length)
            throw new ArgumentException($"An IP address is 4 or 16 bytes long, not {address.Length}.", nameof(address));
        if (address.Length == Ipv4Length && scopeId != 0)
            throw new ArgumentException("An IPv4 address has no scope id.", nameof(scopeId));
        return new SockAddrInet(address, 0, scopeId);
    }

    /// <summary>
    /// Sets <paramref name="target"/> to the address <paramref name="address"/> (4 or 16 bytes in network
    /// order, port, flow information and scope id 0) with stores into the target alone: the route dump fills
    /// a million rows with it, where a value built and then copied costs a store-forwarding stall per copy.
    /// </summary>
    internal static void SetAddress(ref SockAddrInet target, ReadOnlySpan<byte> address)
    {
        if (!BitConverter.IsLittleEndian)
        {
            target = FromBytes(address);
            return;
        }
        ref var bytes = ref Unsafe.As<SockAddrInet, byte>(ref target);
        if (address.Length == Ipv4Length)
        {
            // Family at 0, port 0 at 2, the address at 4, then 20 zero bytes (the IPv6 part and the scope id).
            Unsafe.WriteUnaligned(ref bytes, (ushort)AddressFamily.InterNetwork | ((ulong)MemoryMarshal.Read<uint>(address) << 32));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, 8), Vector128<byte>.Zero);
        }
        else if (address.Length == Ipv6Length)
        {
            // Family at 0, port and flow information 0, the address at 8, scope id 0 at 24.
            Unsafe.WriteUnaligned(ref bytes, (ulong)(ushort)AddressFamily.InterNetworkV6);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, 8), MemoryMarshal.Read<Vector128<byte>>(address));
        }
        else
        {
            throw new ArgumentException($"An IP address is 4 or 16 bytes long, not {address.Length}.", nameof(address));
        }
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref bytes, 24), 0u);
    }

    private static SockAddrInet FromIPAddress(IPAddress address, ushort port)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[Ipv6Length];
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork when address.TryWriteBytes(bytes, out var written) =>
                new SockAddrInet(bytes[..written], port, 0),
            AddressFamily.InterNetworkV6 when address.TryWriteBytes(bytes, out var written) =>
                new SockAddrInet(bytes[..written], port, (uint)address.ScopeId),
            _ => throw new ArgumentException($"{address.AddressFamily} is not an IP address family.", nameof(address)),
        };
    }

    /// <summary>The address as an <see cref="IPAddress"/> (with the scope id for IPv6), or null when the family is unspecified.</summary>
    public IPAddress? ToIPAddress() => Family switch
    {
        AddressFamily.InterNetwork => new IPAddress(Ipv4Bytes),
        AddressFamily.InterNetworkV6 => new IPAddress(_ipv6Address, _scopeId),
        _ => null,
    };

    /// <summary>The address and <see cref="Port"/> as an <see cref="IPEndPoint"/>, or null when the family is unspecified.</summary>
    public IPEndPoint? ToIPEndPoint() => ToIPAddress() is { } address ? new IPEndPoint(address, Port) : null;

    /// <summary>Copies the address bytes (network order) to <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 4 bytes for IPv4, 16 for IPv6.</param>
    /// <returns>4 for IPv4, 16 for IPv6, 0 when the family is unspecified.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int WriteAddressBytes(Span<byte> destination)
    {
        ReadOnlySpan<byte> source = Family switch
        {
            AddressFamily.InterNetwork => Ipv4Bytes,
            AddressFamily.InterNetworkV6 => _ipv6Address,
            _ => [],
        };
        if (destination.Length < source.Length)
            throw new ArgumentException($"The destination needs {source.Length} bytes.", nameof(destination));
        source.CopyTo(destination);
        return source.Length;
    }

    /// <summary>
    /// True when both have the same family and address and, for IPv6, the same scope id; the port
    /// and flow information are ignored. Two unspecified addresses are equal.
    /// </summary>
    /// <param name="other">The address to compare with.</param>
    public bool AddressEquals(in SockAddrInet other) => Family == other.Family && Family switch
    {
        AddressFamily.InterNetwork => _flowInfoOrIpv4Address == other._flowInfoOrIpv4Address,
        AddressFamily.InterNetworkV6 => _scopeId == other._scopeId
            && ((ReadOnlySpan<byte>)_ipv6Address).SequenceEqual(other._ipv6Address),
        _ => true,
    };

    /// <summary>
    /// The address as text: dotted IPv4; compressed IPv6 followed by <c>%</c> and the scope id when
    /// the scope id is not 0; the empty string when the family is unspecified. The port is not shown.
    /// </summary>
    public override string ToString()
    {
        if (Family == AddressFamily.InterNetwork)
        {
            var b = Ipv4Bytes;
            return string.Create(CultureInfo.InvariantCulture, $"{b[0]}.{b[1]}.{b[2]}.{b[3]}");
        }
        return Family == AddressFamily.InterNetworkV6 ? new IPAddress(_ipv6Address, _scopeId).ToString() : string.Empty;
    }

    /// <summary>
    /// Parses <c>a.b.c.d</c> (four decimal parts, no leading zeros), an IPv6 address, or an IPv6
    /// address followed by <c>%</c> and a numeric scope id. Interface names as scopes, brackets,
    /// ports, prefixes and surrounding spaces are rejected.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="value">The address with port 0, or the default value when parsing fails.</param>
    /// <returns>True when <paramref name="s"/> is a valid address.</returns>
    public static bool TryParse(string? s, out SockAddrInet value) => TryParse(s.AsSpan(), out value);

    /// <summary>Parses an address as <see cref="TryParse(string?, out SockAddrInet)"/> does.</summary>
    /// <param name="s">The text.</param>
    /// <param name="value">The address with port 0, or the default value when parsing fails.</param>
    /// <returns>True when <paramref name="s"/> is a valid address.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out SockAddrInet value)
    {
        value = default;
        if (s.Contains(':')) return TryParseIpv6(s, out value);
        Span<byte> bytes = stackalloc byte[Ipv4Length];
        if (!TryParseIpv4(s, bytes)) return false;
        value = new SockAddrInet(bytes, 0, 0);
        return true;
    }

    private static bool TryParseIpv4(ReadOnlySpan<char> s, Span<byte> bytes)
    {
        for (var part = 0; part < Ipv4Length; part++)
        {
            var end = part == Ipv4Length - 1 ? s.Length : s.IndexOf('.');
            if (end < 0 || !TryParseDecimal(s[..end], 255, out var octet)) return false;
            bytes[part] = (byte)octet;
            s = part == Ipv4Length - 1 ? [] : s[(end + 1)..];
        }
        return true;
    }

    private static bool TryParseIpv6(ReadOnlySpan<char> s, out SockAddrInet value)
    {
        value = default;
        uint scopeId = 0;
        var percent = s.IndexOf('%');
        if (percent >= 0)
        {
            if (!TryParseDecimal(s[(percent + 1)..], uint.MaxValue, out scopeId)) return false;
            s = s[..percent];
        }
        if (s.Length > MaxIpv6TextLength || s.ContainsAnyExcept(s_ipv6TextChars)) return false;
        if (!IPAddress.TryParse(s, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        Span<byte> bytes = stackalloc byte[Ipv6Length];
        address.TryWriteBytes(bytes, out _);
        value = new SockAddrInet(bytes, 0, scopeId);
        return true;
    }

    /// <summary>Parses 1 to 10 decimal digits without sign or leading zeros into a value no larger than <paramref name="max"/>.</summary>
    internal static bool TryParseDecimal(ReadOnlySpan<char> s, uint max, out uint value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 10 || (s.Length > 1 && s[0] == '0') || s.ContainsAnyExceptInRange('0', '9')) return false;
        var parsed = ulong.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        if (parsed > max) return false;
        value = (uint)parsed;
        return true;
    }

    /// <summary>True when all 28 bytes are equal (family, port, address, flow information, scope id).</summary>
    /// <param name="other">The address to compare with.</param>
    public bool Equals(SockAddrInet other) => AllBytes.SequenceEqual(other.AllBytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SockAddrInet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(AllBytes);
        return hash.ToHashCode();
    }

    /// <summary>True when all 28 bytes are equal.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    public static bool operator ==(SockAddrInet left, SockAddrInet right) => left.Equals(right);

    /// <summary>True when any of the 28 bytes differ.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    public static bool operator !=(SockAddrInet left, SockAddrInet right) => !left.Equals(right);
}
