using System.CommandLine;

namespace IpHelper.Cli;

/// <summary>Options every command accepts, before or after the noun and verb.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json", "-j")
    {
        Description = "Print JSON: list, show, add and set print an array of rows with the Windows MIB field names",
        Recursive = true,
    };

    public static readonly Option<bool> Ipv4 = new("-4") { Description = "IPv4 only, like ip -4 (--family ipv4)", Recursive = true };

    public static readonly Option<bool> Ipv6 = new("-6") { Description = "IPv6 only, like ip -6 (--family ipv6)", Recursive = true };

    public static readonly Option<bool> Wide = new("--wide", "-w")
    {
        Description = "On a terminal, show every column in full even when the table is wider than the terminal (piped output always is)",
        Recursive = true,
    };

    public static readonly Option<string?> Netns = new("--netns", "-n")
    {
        Description = "Act in the named network namespace (/run/netns/NAME, like ip -n) or a namespace file path",
        HelpName = "name",
        Recursive = true,
    };

    public static readonly Option<string> Family = new("--family", "-f")
    {
        Description = "ipv4, ipv6 or both",
        DefaultValueFactory = _ => "both",
        Recursive = true,
    };

    /// <summary>The address family --family asks for (Unspecified for both).</summary>
    public static System.Net.Sockets.AddressFamily AddressFamilyOf(ParseResult parse) =>
        parse.GetValue(Ipv4) ? System.Net.Sockets.AddressFamily.InterNetwork
        : parse.GetValue(Ipv6) ? System.Net.Sockets.AddressFamily.InterNetworkV6
        : parse.GetValue(Family) switch
    {
        "ipv4" or "4" or "inet" => System.Net.Sockets.AddressFamily.InterNetwork,
        "ipv6" or "6" or "inet6" => System.Net.Sockets.AddressFamily.InterNetworkV6,
        _ => System.Net.Sockets.AddressFamily.Unspecified,
    };

    /// <summary>
    /// Refuses an address of the other family when -4, -6 or --family names one: `address add
    /// 2001:db8::5/64 --family ipv4` must not add an IPv6 address.
    /// </summary>
    public static void CheckFamily(ParseResult parse, System.Net.Sockets.AddressFamily family, string what)
    {
        var asked = AddressFamilyOf(parse);
        if (asked != System.Net.Sockets.AddressFamily.Unspecified && asked != family)
            throw new CliException($"{what} is {(family == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4" : "IPv6")} but {(asked == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4 (-4, --family ipv4)" : "IPv6 (-6, --family ipv6)")} was asked for");
    }

    /// <summary>
    /// Enters the --netns namespace, or returns null without the option. An empty or blank name is
    /// refused (by the option's validator, and by NetNamespace.Enter as InvalidParameter): it never
    /// means the caller's own namespace, so `-n "$NS"` with NS unset cannot change the host.
    /// </summary>
    public static NetNamespaceScope? EnterNamespace(ParseResult parse) =>
        parse.GetResult(Netns) is null ? null : NetNamespace.Enter(parse.GetValue(Netns) ?? "");

    /// <summary>Completion: the named namespaces (/run/netns), as `ip netns list` shows them.</summary>
    private static IEnumerable<string> NamespaceNames(System.CommandLine.Completions.CompletionContext context)
    {
        try
        {
            return Directory.EnumerateFiles("/run/netns").Select(Path.GetFileName).OfType<string>()
                .Where(n => n.StartsWith(context.WordToComplete, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    static GlobalOptions()
    {
        Family.AcceptOnlyFromAmong("ipv4", "ipv6", "both", "4", "6", "inet", "inet6");
        Netns.CompletionSources.Add(NamespaceNames);
        Netns.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[^1].Value))
                result.AddError($"'{result.Tokens[^1].Value}' is not a network namespace name: the name is empty or blank");
        });
    }
}
