using System.CommandLine;
using IpHelper.Cli.Help;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper completion bash|zsh|fish|pwsh`: prints a shell completion script. Each script asks the
/// binary itself through System.CommandLine's [suggest:POSITION] directive, so it works for the native
/// single-file build as well as the dotnet tool, with no dotnet-suggest and no registration; interface
/// arguments complete from the live interface list.
/// </summary>
internal static class CompletionCommand
{
    /// <summary>
    /// The scripts, with RUN standing for the command that runs this very binary and NAMES for the command
    /// names to complete. Each replaces the first word of the line with "iphelper" before asking, so an
    /// alias, a function or a wrapper of any name completes like the binary itself.
    /// </summary>
    private static readonly Dictionary<string, string> s_scripts = new()
    {
        ["bash"] = """
            # iphelper completion for bash: source <(iphelper completion bash [OTHER-NAME...])
            _iphelper_complete() {
                local IFS=$'\n' first="${COMP_WORDS[0]}"
                local line="iphelper${COMP_LINE:${#first}}"
                COMPREPLY=($(RUN "[suggest:$((COMP_POINT - ${#first} + 8))]" "$line" 2>/dev/null))
            }
            complete -o default -F _iphelper_complete NAMES
            """,
        ["zsh"] = """
            # iphelper completion for zsh: source <(iphelper completion zsh [OTHER-NAME...])
            _iphelper_complete() {
                local -a candidates
                local first="${words[1]}"
                candidates=("${(@f)$(RUN "[suggest:$((CURSOR - ${#first} + 8))]" "iphelper${BUFFER:${#first}}" 2>/dev/null)}")
                compadd -a candidates
            }
            compdef _iphelper_complete NAMES
            """,
        ["fish"] = """
            # iphelper completion for fish: iphelper completion fish [OTHER-NAME...] | source
            function __iphelper_complete
                set -l line (commandline -cp)
                set -l line iphelper(string replace -r '^\S+' '' -- "$line")
                RUN "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
            end
            for name in NAMES
                complete -c $name -f -a '(__iphelper_complete)'
            end
            """,
        ["pwsh"] = """
            # iphelper completion for PowerShell: iphelper completion pwsh [OTHER-NAME...] | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName @(PWSHNAMES) -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $first = $commandAst.CommandElements[0].Extent.Text
                $line = 'iphelper' + "$commandAst".Substring($first.Length)
                $position = $cursorPosition - $commandAst.Extent.StartOffset - $first.Length + 8
                & PWSHRUN "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    };

    /// <summary>How a shell runs this binary: the native executable or tool shim itself, or `dotnet IpHelper.Cli.dll`.</summary>
    private static string[] SelfCommand()
    {
        var process = Environment.ProcessPath ?? "iphelper";
        var host = Path.GetFileNameWithoutExtension(process);
        return host == "dotnet" && AppContext.BaseDirectory is { Length: > 0 } directory
            ? [process, Path.Combine(directory, "IpHelper.Cli.dll")]
            : [process];
    }

    private static string Script(string shell, IEnumerable<string> names)
    {
        var self = SelfCommand();
        var all = names.Prepend("iphelper").Distinct().ToArray();
        return s_scripts[shell]
            .Replace("PWSHRUN", string.Join(' ', self.Select(PwshQuote)), StringComparison.Ordinal)
            .Replace("PWSHNAMES", string.Join(", ", all.Select(PwshQuote)), StringComparison.Ordinal)
            .Replace("RUN", string.Join(' ', self.Select(PosixQuote)), StringComparison.Ordinal)
            .Replace("NAMES", string.Join(' ', all.Select(PosixQuote)), StringComparison.Ordinal)
            .ReplaceLineEndings("\n") + "\n";
    }

    private static string PosixQuote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string PwshQuote(string word) => "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = $"The shell: {string.Join(", ", s_scripts.Keys)}" };
        shell.AcceptOnlyFromAmong([.. s_scripts.Keys]);
        var names = new Argument<string[]>("name")
        {
            Description = "More command names to complete like iphelper: your aliases, functions or wrappers (iphelper itself always completes, alias or not)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("completion",
            "Print the shell completion script for bash, zsh, fish or PowerShell. Commands, verbs, options, choices, interface and namespace names complete. "
            + "The script runs this very binary to ask, so an alias or function named iphelper (or any NAME given) completes too.")
        { shell, names };
        command.WithExamples(
            "source <(iphelper completion bash)  # this shell; add the line to ~/.bashrc to keep it",
            "source <(iphelper completion bash iph)  # also for 'alias iph=iphelper'",
            "source <(iphelper completion zsh)  # after compinit, e.g. in ~/.zshrc",
            "iphelper completion fish > ~/.config/fish/completions/iphelper.fish",
            "iphelper completion pwsh | Out-String | Invoke-Expression");
        command.SetAction(parse =>
        {
            Console.Out.Write(Script(parse.GetValue(shell)!, parse.GetValue(names) ?? []));
            return 0;
        });
        return command;
    }
}
