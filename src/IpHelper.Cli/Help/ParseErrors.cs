using System.CommandLine;

namespace IpHelper.Cli.Help;

/// <summary>
/// Command lines System.CommandLine rejects (unknown verb or option, missing argument, bad value) reported
/// like every other failure: "iphelper: InvalidParameter (87): reason" on stderr, exit code 2, then a
/// pointer to the command's help instead of the whole help text.
/// </summary>
internal static class ParseErrors
{
    public static int Report(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        // "route lst" is both an unknown verb and a missing one: the unknown word is the news.
        var errors = parse.UnmatchedTokens.Count == 0
            ? parse.Errors
            : parse.Errors.Where(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))).ToList();
        // "rout list": the first word that names no command is the news; the words after it follow from it.
        if (command.Subcommands.Count > 0 && parse.UnmatchedTokens.Count > 0)
            errors = [.. errors.Where(e => e.Message.Contains($"'{parse.UnmatchedTokens[0]}'", StringComparison.Ordinal)).Take(1)];
        foreach (var error in errors.Count > 0 ? errors : parse.Errors)
        {
            var reason = OneLine(error.Message);
            if (command.Subcommands.Count > 0 && parse.UnmatchedTokens.Count > 0 && Closest(parse.UnmatchedTokens[0], command) is { } guess)
                reason += $" Did you mean '{guess}'?";
            if (command.Subcommands.Count > 0)
                reason += $" ({Path(parse)} takes {string.Join(", ", command.Subcommands.Select(c => c.Name))})";
            CommandRunner.ReportUsage(reason);
        }
        Console.Error.WriteLine($"See '{Path(parse)} --help'.");
        return CommandRunner.ExitUsage;
    }

    /// <summary>The subcommand (or alias) within two edits of <paramref name="word"/> (one for short words), if exactly one is nearest.</summary>
    private static string? Closest(string word, Command command)
    {
        var limit = word.Length <= 3 ? 1 : 2;
        var names = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)).Select(n => (Name: n, Distance: Distance(word, n))).Where(n => n.Distance <= limit).ToList();
        if (names.Count == 0) return null;
        var best = names.Min(n => n.Distance);
        var nearest = names.Where(n => n.Distance == best).Select(n => n.Name).ToList();
        return nearest.Count == 1 ? nearest[0] : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>A message as one line: "Must be one of:\n\t'ipv4'\n\t'ipv6'" becomes "Must be one of: 'ipv4', 'ipv6'".</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var line = lines.Length == 1 ? lines[0] : $"{lines[0]} {string.Join(", ", lines.Skip(1))}";
        return System.Text.RegularExpressions.Regex.Replace(line, @"as expected type '([^']+)'\.?", m => $"as {TypeName(m.Groups[1].Value)}");
    }

    /// <summary>What a .NET type name in System.CommandLine's message means to a user ("System.Nullable`1[System.UInt32]": a number from 0 to 4294967295).</summary>
    private static string TypeName(string type)
    {
        var inner = System.Text.RegularExpressions.Regex.Match(type, @"^System\.Nullable`1\[(.+)\]$") is { Success: true } nullable ? nullable.Groups[1].Value : type;
        return inner switch
        {
            "System.UInt32" => "a whole number from 0 to 4294967295",
            "System.UInt16" => "a whole number from 0 to 65535",
            "System.Byte" => "a whole number from 0 to 255",
            "System.Int32" => "a whole number",
            "System.Boolean" => "true or false",
            _ => $"a value of type {inner}",
        };
    }

    /// <summary>"iphelper route add": the command the parse stopped at.</summary>
    private static string Path(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return string.Join(' ', names.Prepend("iphelper"));
    }
}
