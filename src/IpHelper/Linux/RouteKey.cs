using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// The Windows key of a route row (interface, DestinationPrefix, NextHop) compared with kernel routes.
/// Addresses compare by family and bytes: scope ids and ports are not part of the key.
/// </summary>
internal static class RouteKey
{
    public static bool PrefixMatches(in RouteMessage route, in IpAddressPrefix prefix)
    {
        if (route.DstLen != prefix.PrefixLength) return false;
        Span<byte> bytes = stackalloc byte[16];
        var length = prefix.Prefix.WriteAddressBytes(bytes);
        if (length != route.AddressLength) return false;
        return route.Dst.IsEmpty ? !bytes[..length].ContainsAnyExcept((byte)0) : route.Dst.SequenceEqual(bytes[..length]);
    }

    public static bool NextHopMatches(in RouteNextHop hop, in SockAddrInet nextHop, int addressLength)
    {
        Span<byte> zero = stackalloc byte[16];
        zero.Clear();
        return SameAddress(RouteRowMapper.NextHop(hop, zero[..addressLength]), nextHop);
    }

    /// <summary>True when both addresses have the same family and bytes (scope id, port and flow ignored).</summary>
    public static bool SameAddress(in SockAddrInet a, in SockAddrInet b)
    {
        if (a.Family != b.Family) return false;
        Span<byte> x = stackalloc byte[16], y = stackalloc byte[16];
        var length = a.WriteAddressBytes(x);
        b.WriteAddressBytes(y);
        return x[..length].SequenceEqual(y[..length]);
    }
}
