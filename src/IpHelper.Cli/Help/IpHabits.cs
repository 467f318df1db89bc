using System.CommandLine;

namespace IpHelper.Cli.Help;

/// <summary>
/// What a user of ip(8) types, turned into this CLI's own command line before it is parsed:
/// <c>iphelper route</c> lists (like <c>ip route</c>), and the words ip takes where this CLI takes
/// options become those options: <c>route add 198.51.100.0/24 via 192.0.2.1 dev eth0 metric 5 table
/// 100 proto bgp</c>, <c>route get 2001:db8::1 from 2001:db8::5 dev eth0</c>, <c>neighbor add ...
/// lladdr 02:00:5e:00:00:07 dev eth0</c>, <c>address add 192.0.2.10/24 dev eth0</c>. The same words the
/// route batch format takes. ip's abbreviations too: an object as ip matches it (<c>r</c>, <c>ro</c> route,
/// <c>a</c> address, <c>n</c> neighbor, <c>l</c> link, <c>m</c> maddress), <c>ls</c>/<c>lst</c>/<c>sh</c>
/// for list and show, and <c>show</c> with nothing to show lists (<c>ip route show</c>).
/// </summary>
internal static class IpHabits
{
    private static readonly Dictionary<string, string> s_common = new(StringComparer.Ordinal) { ["dev"] = "--interface" };

    private static readonly Dictionary<string, Dictionary<string, string>> s_byNoun = new(StringComparer.Ordinal)
    {
        ["route"] = new(s_common, StringComparer.Ordinal)
        {
            ["via"] = "--next-hop", ["metric"] = "--metric", ["table"] = "--table", ["proto"] = "--protocol",
            ["protocol"] = "--protocol", ["from"] = "--source", ["priority"] = "--metric", ["preference"] = "--metric",
            ["expires"] = "--lifetime",
        },
        ["neighbor"] = new(s_common, StringComparer.Ordinal) { ["lladdr"] = "--lladdr", ["nud"] = "--state", ["router"] = "--router" },
        ["address"] = new(s_common, StringComparer.Ordinal),
        ["anycast"] = new(s_common, StringComparer.Ordinal),
        ["path"] = new(s_common, StringComparer.Ordinal) { ["from"] = "--source" },
        ["ipinterface"] = new(s_common, StringComparer.Ordinal),
    };

    /// <summary>
    /// ip's objects in the order ip tries an abbreviation against them (the first whose name starts with
    /// it wins, so <c>m</c> is maddress), with the noun each is here (null: ip has it, this CLI does not).
    /// </summary>
    private static readonly (string Ip, string? Noun)[] s_ipObjects =
    [
        ("address", "address"), ("addrlabel", null), ("maddress", "multicast"), ("route", "route"), ("rule", null),
        ("neighbor", "neighbor"), ("neighbour", "neighbor"), ("ntable", null), ("ntbl", null), ("link", "interface"),
        ("l2tp", null), ("fou", null), ("ila", null), ("macsec", null), ("tunnel", null), ("tuntap", null), ("tap", null),
        ("token", null), ("tcpmetrics", null), ("tcp_metrics", null), ("monitor", "monitor"), ("xfrm", null), ("mroute", null),
        ("mrule", null), ("netns", null), ("netconf", null), ("vrf", null), ("sr", null), ("nexthop", null), ("mptcp", null),
        ("ioam", null), ("help", null), ("stats", null),
    ];

    /// <summary>Options whose value is the next token (so that value is never taken for a noun, verb or word).</summary>
    private static readonly HashSet<string> s_takesValue = new(StringComparer.Ordinal) { "-n", "--netns", "-f", "--family" };

    public static string[] Rewrite(RootCommand root, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('[')) return args;
        var result = new List<string>(args.Length + 1);
        Command? noun = null;
        var nounAt = -1;
        var verbSeen = false;
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (token.StartsWith('-'))
            {
                result.Add(token);
                if (TakesValue(token, noun) && i + 1 < args.Length) result.Add(args[++i]);
                continue;
            }
            if (noun is null)
            {
                noun = Named(root, token) ?? IpObject(root, token);
                nounAt = result.Count;
                result.Add(noun?.Name ?? token);
                continue;
            }
            if (!verbSeen)
            {
                verbSeen = true;
                result.Add(Verb(noun, token, args.AsSpan(i + 1)));
                continue;
            }
            result.Add(s_byNoun.TryGetValue(noun.Name, out var words) && words.TryGetValue(token, out var option) ? option : token);
        }
        if (noun is not null && !verbSeen && !AnyHelp(args) && noun.Subcommands.Any(c => c.Name == "list"))
            result.Insert(nounAt + 1, "list");
        return [.. result];
    }

    private static Command? Named(Command parent, string token) =>
        parent.Subcommands.FirstOrDefault(c => c.Name == token || c.Aliases.Contains(token));

    /// <summary>The noun an ip object abbreviation names (<c>r</c> route), as ip matches it; null when it names none here.</summary>
    private static Command? IpObject(RootCommand root, string token)
    {
        foreach (var (ip, noun) in s_ipObjects)
            if (ip.StartsWith(token, StringComparison.Ordinal))
                return noun is null ? null : Named(root, noun);
        return null;
    }

    /// <summary>
    /// The verb: its own name, else ip's list words (a start of list, show or lst: <c>ls</c>, <c>sh</c>)
    /// as list or, when something to show follows and the noun can show one, show; else the one verb
    /// the token starts (<c>a</c> add, <c>del</c> delete); else the token unchanged.
    /// </summary>
    private static string Verb(Command noun, string token, ReadOnlySpan<string> rest)
    {
        var named = Named(noun, token) is not null;
        if (named && (token != "show" || AnyHelp(rest))) return token;
        var hasList = Named(noun, "list") is not null;
        if (hasList && ("list".StartsWith(token, StringComparison.Ordinal) || "show".StartsWith(token, StringComparison.Ordinal)
            || "lst".StartsWith(token, StringComparison.Ordinal)))
            return Named(noun, "show") is not null && HasArgument(noun, rest) ? "show" : "list";
        if (named) return token;
        var starts = noun.Subcommands.Where(c => c.Name.StartsWith(token, StringComparison.Ordinal)).Take(2).ToArray();
        return starts.Length == 1 ? starts[0].Name : token;
    }

    /// <summary>Whether the tokens after the verb hold a positional argument (not an option, an ip word or either one's value).</summary>
    private static bool HasArgument(Command noun, ReadOnlySpan<string> rest)
    {
        s_byNoun.TryGetValue(noun.Name, out var words);
        for (var i = 0; i < rest.Length; i++)
        {
            var token = rest[i];
            if (token.StartsWith('-'))
            {
                if (TakesValue(token, noun)) i++;
                continue;
            }
            if (words is not null && words.TryGetValue(token, out var option))
            {
                if (TakesValue(option, noun)) i++;
                continue;
            }
            return true;
        }
        return false;
    }

    private static bool AnyHelp(ReadOnlySpan<string> tokens)
    {
        foreach (var token in tokens)
            if (token is "-h" or "--help" or "-?") return true;
        return false;
    }

    private static bool TakesValue(string token, Command? noun) =>
        !token.Contains('=') && (s_takesValue.Contains(token)
            || (noun is not null && noun.Subcommands.SelectMany(c => c.Options).Concat(noun.Options)
                .Any(o => o.ValueType != typeof(bool) && (o.Name == token || o.Aliases.Contains(token)))));
}
