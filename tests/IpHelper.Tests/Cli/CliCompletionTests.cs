using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>Shell completion: the [suggest] directive and the scripts of `iphelper completion`.</summary>
public sealed class CliCompletionTests
{
    private static string[] Suggest(string line) =>
        CliProcess.Run($"[suggest:{line.Length}]", line).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Suggest_CompletesVerbsAndOptionValues()
    {
        Assert.Contains("list", Suggest("iphelper route l"));
        Assert.Equal(["ipv4", "ipv6"], Suggest("iphelper route list --family ipv").Order());
        Assert.Equal(["bash"], Suggest("iphelper completion b"));
    }

    [RootFact]
    public void InterfaceArgumentsAndOptions_CompleteTheNamesOfTheNamespacesInterfaces()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var names = ns.IpJson("link", "show").EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!).Order().ToArray();

        Assert.Equal(["lo", "v0", "v1"], names);
        Assert.Equal(names, Suggest($"iphelper route list --netns {ns.Name} -i ").Order());
        Assert.Equal(names, Suggest($"iphelper interface show --netns {ns.Name} ").Where(s => !s.StartsWith('-') && !s.StartsWith('/')).Order());
        Assert.Equal(["v0", "v1"], Suggest($"iphelper address add 192.0.2.1/24 --netns {ns.Name} --interface v").Order());
    }

    [Fact]
    public void BashScript_CompletesThroughTheBinary()
    {
        var directory = Directory.CreateTempSubdirectory("iphelper-completion-");
        try
        {
            var wrapper = Path.Combine(directory.FullName, "iphelper");
            File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{CliProcess.DllPath}' \"$@\"\n");
            Kernel.Infrastructure.Command.Run("chmod", "+x", wrapper);
            var script = CliProcess.Run("completion", "bash");
            Assert.Equal(0, script.ExitCode);
            var scriptFile = Path.Combine(directory.FullName, "iphelper.bash");
            File.WriteAllText(scriptFile, script.Stdout);

            var test = $"""
                export PATH='{directory.FullName}':"$PATH"
                source '{scriptFile}'
                COMP_LINE='iphelper neighbor f'; COMP_POINT=${"{#COMP_LINE}"}; COMP_WORDS=(iphelper neighbor f); COMP_CWORD=2
                _iphelper_complete
                printf '%s\n' "${"{COMPREPLY[@]}"}"
                complete -p iphelper
                """;
            var output = Kernel.Infrastructure.Command.Run("bash", "-c", test).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Contains("flush", output);
            Assert.DoesNotContain("list", output);
            Assert.Contains("complete -o default -F _iphelper_complete iphelper", output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("zsh", "compdef _iphelper_complete iphelper")]
    [InlineData("fish", "complete -c iphelper")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName iphelper")]
    public void OtherShells_GetAScriptThatAsksTheSuggestDirective(string shell, string registration)
    {
        var result = CliProcess.Run("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(registration, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", result.Stdout, StringComparison.Ordinal);
    }
}
