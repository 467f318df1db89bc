using System.Net.Sockets;

namespace IpHelper.Cli.Commands;

/// <summary>
/// A destination prefix as the route commands and the batch format read it: <c>address/length</c> with no
/// host bits set, or ip's word <c>default</c>, which is 0.0.0.0/0, or ::/0 when the family asked for
/// (-6) or else the next hop is IPv6 (as <c>ip route add default via 2001:db8::1</c>).
/// </summary>
internal static class RoutePrefix
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="family"/> decides what <c>default</c> means (IPv4 when unspecified).</summary>
    /// <exception cref="CliException">Not a prefix, a length out of range, or host bits set beyond the length.</exception>
    public static IpAddressPrefix Parse(string text, AddressFamily family)
    {
        if (text == "default")
            return new IpAddressPrefix(RouteCommands.Unspecified(family == AddressFamily.InterNetworkV6 ? family : AddressFamily.InterNetwork), 0);
        if (!IpAddressPrefix.TryParse(text, out var prefix)) throw new CliException($"'{text}' is not a prefix (address/length, or default)");
        Span<byte> bytes = stackalloc byte[16];
        var length = prefix.Prefix.WriteAddressBytes(bytes);
        for (var bit = prefix.PrefixLength; bit < length * 8; bit++)
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
                throw new CliException($"'{text}' has bits set beyond its prefix length (the network is {Network(bytes[..length], prefix)})");
        return prefix;
    }

    /// <summary>
    /// The family that gives <c>default</c> its meaning: the one -4, -6 or --family asks for, else the
    /// next hop's (when it is an address), else unspecified.
    /// </summary>
    public static AddressFamily FamilyFor(AddressFamily asked, string? nextHop) =>
        asked != AddressFamily.Unspecified ? asked
        : nextHop is not null && AddressArgument.TryParse(nextHop, out var address) ? address.Family
        : AddressFamily.Unspecified;

    private static string Network(Span<byte> bytes, IpAddressPrefix prefix)
    {
        for (var bit = prefix.PrefixLength; bit < bytes.Length * 8; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return $"{new System.Net.IPAddress(bytes)}/{prefix.PrefixLength}";
    }
}
