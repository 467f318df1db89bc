using System.Net;
using IpHelper.AddressSelection;

namespace IpHelper.Tests.Unit.Addresses;

/// <summary>Builds RFC 6724 inputs from text.</summary>
internal static class Rfc6724Fixtures
{
    /// <summary>The 128-bit form of an address (IPv4 becomes ::ffff:a.b.c.d).</summary>
    public static UInt128 A(string text) => SelectionAddress.From(IPAddress.Parse(text).GetAddressBytes());

    /// <summary>A source candidate "address/length" on an interface.</summary>
    public static SourceCandidate Source(string prefix, uint index = 2, bool deprecated = false, bool home = false,
        bool temporary = false, bool preferTemporary = true)
    {
        var parts = prefix.Split('/');
        var address = IPAddress.Parse(parts[0]);
        var length = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return new SourceCandidate
        {
            Address = A(parts[0]),
            PrefixLength = length + (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 96 : 0),
            InterfaceIndex = index,
            Deprecated = deprecated,
            Home = home,
            Temporary = temporary,
            PreferTemporary = preferTemporary,
        };
    }

    public static SourceSelection.Destination To(string destination, uint outgoing = 2, string? nextHop = null, string? preferredSource = null) => new()
    {
        Address = A(destination),
        OutgoingInterface = outgoing,
        NextHop = nextHop is null ? null : A(nextHop),
        PreferredSource = preferredSource is null ? null : A(preferredSource),
    };

    public static DestinationSelection.Candidate Destination(string destination, SourceCandidate? source, int index, bool reachable = true, bool native = true) => new()
    {
        Address = A(destination),
        Source = source,
        Reachable = reachable,
        NativeTransport = native,
        OriginalIndex = index,
    };
}
