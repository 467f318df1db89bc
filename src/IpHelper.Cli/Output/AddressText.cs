using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IpHelper.Cli.Output;

/// <summary>
/// Addresses and prefixes formatted into a caller's buffer, exactly as their ToString() writes them,
/// for tables of a million rows that should not allocate a string per cell.
/// </summary>
internal static class AddressText
{
    /// <summary>The longest text: an IPv6 address with a 10-digit scope id and a /128.</summary>
    public const int MaxLength = 64;

    public static int Format(in SockAddrInet address, Span<char> destination)
    {
        Span<byte> utf8 = stackalloc byte[MaxLength];
        System.Text.Ascii.ToUtf16(utf8[..FormatUtf8(address, utf8)], destination, out var written);
        return written;
    }

    public static int Format(in IpAddressPrefix prefix, Span<char> destination)
    {
        Span<byte> utf8 = stackalloc byte[MaxLength];
        System.Text.Ascii.ToUtf16(utf8[..FormatUtf8(prefix, utf8)], destination, out var written);
        return written;
    }

    /// <summary>The address as <see cref="Format(in SockAddrInet, Span{char})"/> writes it, in UTF-8 (ASCII).</summary>
    public static int FormatUtf8(in SockAddrInet address, Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = address.WriteAddressBytes(bytes);
        if (length == 4)
        {
            var written = 0;
            for (var i = 0; i < 4; i++)
            {
                if (i > 0) destination[written++] = (byte)'.';
                written += FormatByte(bytes[i], destination[written..]);
            }
            return written;
        }
        if (length == 0) return 0;
        new IPAddress(bytes, address.Family == AddressFamily.InterNetworkV6 ? address.ScopeId : 0).TryFormat(destination, out var v6);
        return v6;
    }

    /// <summary>The prefix as <see cref="Format(in IpAddressPrefix, Span{char})"/> writes it, in UTF-8 (ASCII).</summary>
    public static int FormatUtf8(in IpAddressPrefix prefix, Span<byte> destination)
    {
        var written = FormatUtf8(prefix.Prefix, destination);
        destination[written++] = (byte)'/';
        return written + FormatByte(prefix.PrefixLength, destination[written..]);
    }

    /// <summary>A byte's decimal digits (an IPv4 octet, a prefix length): what byte.TryFormat writes, without its general path, for a million rows.</summary>
    private static int FormatByte(byte value, Span<byte> destination)
    {
        if (value >= 100)
        {
            destination[2] = (byte)('0' + value % 10);
            destination[1] = (byte)('0' + value / 10 % 10);
            destination[0] = (byte)('0' + value / 100);
            return 3;
        }
        if (value >= 10)
        {
            destination[1] = (byte)('0' + value % 10);
            destination[0] = (byte)('0' + value / 10);
            return 2;
        }
        destination[0] = (byte)('0' + value);
        return 1;
    }

    public static int FormatUtf8(uint value, Span<byte> destination)
    {
        value.TryFormat(destination, out var n, default, CultureInfo.InvariantCulture);
        return n;
    }

    public static int Format(uint value, Span<char> destination)
    {
        value.TryFormat(destination, out var n, default, CultureInfo.InvariantCulture);
        return n;
    }
}
