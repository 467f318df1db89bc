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
    private static readonly Dictionary<string, string> s_scripts = new()
    {
        ["bash"] = """
            # iphelper completion for bash: source <(iphelper completion bash)
            _iphelper_complete() {
                local IFS=$'\n'
                COMPREPLY=($(command "${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
            }
            complete -o default -F _iphelper_complete iphelper
            """,
        ["zsh"] = """
            # iphelper completion for zsh: source <(iphelper completion zsh)
            _iphelper_complete() {
                local -a candidates
                candidates=("${(@f)$(command "${words[1]}" "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
                compadd -a candidates
            }
            compdef _iphelper_complete iphelper
            """,
        ["fish"] = """
            # iphelper completion for fish: iphelper completion fish | source
            complete -c iphelper -f -a '(set -l line (commandline -cp); iphelper "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null)'
            """,
        ["pwsh"] = """
            # iphelper completion for PowerShell: iphelper completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName iphelper -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                iphelper "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    };

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = $"The shell: {string.Join(", ", s_scripts.Keys)}" };
        shell.AcceptOnlyFromAmong([.. s_scripts.Keys]);
        var command = new Command("completion",
            "Print the shell completion script for bash, zsh, fish or PowerShell. Commands, verbs, options, choices and interface names complete.")
        { shell };
        command.WithExamples(
            "source <(iphelper completion bash)  # this shell; add the line to ~/.bashrc to keep it",
            "source <(iphelper completion zsh)  # after compinit, e.g. in ~/.zshrc",
            "iphelper completion fish > ~/.config/fish/completions/iphelper.fish",
            "iphelper completion pwsh | Out-String | Invoke-Expression");
        command.SetAction(parse =>
        {
            Console.Out.Write(s_scripts[parse.GetValue(shell)!].ReplaceLineEndings("\n") + "\n");
            return 0;
        });
        return command;
    }
}
