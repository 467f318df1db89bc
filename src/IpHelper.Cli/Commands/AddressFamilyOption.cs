using System.CommandLine;
using System.Net.Sockets;

namespace IpHelper.Cli.Commands;

/// <summary>The global --family option as the address family argument of the Get*Table functions.</summary>
internal static class AddressFamilyOption
{
    public static AddressFamily Of(ParseResult parse) => parse.GetValue(GlobalOptions.Family) switch
    {
        "ipv4" or "4" or "inet" => AddressFamily.InterNetwork,
        "ipv6" or "6" or "inet6" => AddressFamily.InterNetworkV6,
        _ => AddressFamily.Unspecified,
    };
}
