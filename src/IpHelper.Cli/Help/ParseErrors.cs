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
        foreach (var error in errors.Count > 0 ? errors : parse.Errors)
        {
            var reason = OneLine(error.Message);
            if (command.Subcommands.Count > 0)
                reason += $" ({Path(parse)} takes {string.Join(", ", command.Subcommands.Select(c => c.Name))})";
            CommandRunner.ReportUsage(reason);
        }
        Console.Error.WriteLine($"See '{Path(parse)} --help'.");
        return CommandRunner.ExitUsage;
    }

    /// <summary>A message as one line: "Must be one of:\n\t'ipv4'\n\t'ipv6'" becomes "Must be one of: 'ipv4', 'ipv6'".</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 1 ? lines[0] : $"{lines[0]} {string.Join(", ", lines.Skip(1))}";
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
