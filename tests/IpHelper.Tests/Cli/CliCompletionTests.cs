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

    /// <summary>Runs <paramref name="commands"/> in bash after sourcing `iphelper completion bash ARGS`, with no iphelper on PATH.</summary>
    private static string[] InBash(string[] completionArgs, string commands)
    {
        var directory = Directory.CreateTempSubdirectory("iphelper-completion-");
        try
        {
            var script = CliProcess.Run(["completion", "bash", .. completionArgs]);
            Assert.Equal(0, script.ExitCode);
            var scriptFile = Path.Combine(directory.FullName, "iphelper.bash");
            File.WriteAllText(scriptFile, script.Stdout);
            return Kernel.Infrastructure.Command.Run("bash", "-c", $"source '{scriptFile}'\n{commands}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void BashScript_CompletesThroughTheBinaryItself_WhenIphelperIsAFunctionOrAlias()
    {
        // What the README sets up: iphelper is not on PATH but an alias (here a function, as scripts have no aliases).
        var output = InBash([], """
            iphelper() { echo "the function must not be asked"; }
            COMP_LINE='iphelper neighbor f'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(iphelper neighbor f); COMP_CWORD=2
            _iphelper_complete
            printf '%s\n' "${COMPREPLY[@]}"
            complete -p iphelper
            """);

        Assert.Contains("flush", output);
        Assert.DoesNotContain("list", output);
        Assert.DoesNotContain("the function must not be asked", output);
        Assert.Contains("complete -o default -F _iphelper_complete iphelper", output);
    }

    [Fact]
    public void BashScript_CompletesOtherNamesGiven_AsIphelper()
    {
        var output = InBash(["iph"], """
            COMP_LINE='iph route li'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(iph route li); COMP_CWORD=2
            _iphelper_complete
            printf '%s\n' "${COMPREPLY[@]}"
            complete -p iph
            """);

        Assert.Contains("list", output);
        Assert.Contains("complete -o default -F _iphelper_complete iph", output);
    }

    [Fact]
    public void Suggestions_NeverOfferWindowsHelpSwitches()
    {
        var options = Suggest("iphelper route list -");

        Assert.Contains("--help", options);
        Assert.DoesNotContain("/h", options);
        Assert.DoesNotContain("/?", options);
        Assert.DoesNotContain("-?", options);
    }

    [RootFact]
    public void NetnsOption_CompletesTheNamespaceNames()
    {
        using var ns = new TestNetns();

        Assert.Contains(ns.Name, Suggest($"iphelper route list -n {ns.Name[..6]}"));
        Assert.Contains(ns.Name, Suggest($"iphelper --netns {ns.Name[..6]}"));
    }

    [Fact]
    public void Help_NamesNoLiveInterface_AndItsLuidExampleIsOneEveryMachineHas()
    {
        var luid = CliProcess.Run("luid", "--help");
        var netns = CliProcess.Run("route", "list", "-n", "no-such-namespace-x", "--help");

        Assert.Contains("<if>", luid.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<lo|", luid.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("|lo>", luid.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, netns.ExitCode);
        foreach (var example in luid.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Examples:", StringComparison.Ordinal)).Skip(1)
                     .Select(l => l.Split('#')[0].Trim()).Where(l => l.StartsWith("iphelper luid ", StringComparison.Ordinal)))
        {
            var run = CliProcess.Run(example["iphelper ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(run.ExitCode == 0, $"{example}: {run.Stderr}");
        }
    }

    [Theory]
    [InlineData("zsh", "compdef _iphelper_complete 'iphelper'")]
    [InlineData("fish", "for name in 'iphelper'")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName @('iphelper')")]
    public void OtherShells_GetAScriptThatAsksTheSuggestDirective(string shell, string registration)
    {
        var result = CliProcess.Run("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(registration, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", result.Stdout, StringComparison.Ordinal);
    }
}
