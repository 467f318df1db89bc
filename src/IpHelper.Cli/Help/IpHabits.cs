using System.CommandLine;

namespace IpHelper.Cli.Help;

/// <summary>
/// What a user of ip(8) types, turned into this CLI's own command line before it is parsed:
/// <c>iphelper route</c> lists (like <c>ip route</c>), and the words ip takes where this CLI takes
/// options become those options: <c>route add 198.51.100.0/24 via 192.0.2.1 dev eth0 metric 5 table
/// 100 proto bgp</c>, <c>route get 2001:db8::1 from 2001:db8::5 dev eth0</c>, <c>neighbor add ...
/// lladdr 02:00:5e:00:00:07 dev eth0</c>, <c>address add 192.0.2.10/24 dev eth0</c>. The same words the
/// route batch format takes.
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
        ["neighbor"] = new(s_common, StringComparer.Ordinal) { ["lladdr"] = "--lladdr" },
        ["address"] = new(s_common, StringComparer.Ordinal),
        ["anycast"] = new(s_common, StringComparer.Ordinal),
        ["path"] = new(s_common, StringComparer.Ordinal) { ["from"] = "--source" },
        ["ipinterface"] = new(s_common, StringComparer.Ordinal),
    };

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
                noun = root.Subcommands.FirstOrDefault(c => c.Name == token || c.Aliases.Contains(token));
                nounAt = result.Count;
                result.Add(token);
                continue;
            }
            if (!verbSeen)
            {
                verbSeen = true;
                result.Add(token);
                continue;
            }
            result.Add(s_byNoun.TryGetValue(noun.Name, out var words) && words.TryGetValue(token, out var option) ? option : token);
        }
        if (noun is not null && !verbSeen && !args.Any(IsHelp) && noun.Subcommands.Any(c => c.Name == "list"))
            result.Insert(nounAt + 1, "list");
        return [.. result];
    }

    private static bool IsHelp(string token) => token is "-h" or "--help" or "-?";

    private static bool TakesValue(string token, Command? noun) =>
        !token.Contains('=') && (s_takesValue.Contains(token)
            || (noun is not null && noun.Subcommands.SelectMany(c => c.Options).Concat(noun.Options)
                .Any(o => o.ValueType != typeof(bool) && (o.Name == token || o.Aliases.Contains(token)))));
}
