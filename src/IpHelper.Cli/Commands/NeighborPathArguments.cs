using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Cli.Commands;

/// <summary>Argument parsing shared by the neighbor and path commands: the --family option, addresses and MACs.</summary>
internal static class NeighborPathArguments
{
    /// <summary>An IPv4 or IPv6 address (IPv6 with an optional numeric %scope).</summary>
    public static SockAddrInet Address(string text, string what) =>
        AddressArgument.TryParse(text, out var address) ? address : throw new CliException($"{what} '{text}' is not an IPv4 or IPv6 address");

    /// <summary>IF_MAX_PHYS_ADDRESS_LENGTH: the bytes a MIB row's PhysicalAddress holds.</summary>
    private const int MaxMacLength = 32;

    /// <summary>A link-layer address as hex bytes separated by ':' or '-' ("02:00:5e:00:00:01"); empty for none.</summary>
    public static byte[] Mac(string text)
    {
        if (text.Length == 0) return [];
        var parts = text.Split(':', '-');
        var bytes = new byte[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length is < 1 or > 2 || !byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
                throw new CliException($"'{text}' is not a link-layer address like 02:00:5e:00:00:01");
        }
        if (bytes.Length > MaxMacLength) throw new CliException($"'{text}' is {bytes.Length} bytes long: a link-layer address has at most {MaxMacLength}");
        return bytes;
    }
}
