using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>Every command's --help: description, usage, examples, and the same option names for the same concept.</summary>
public sealed class CliHelpTests
{
    private static readonly Lazy<List<(string[] Path, string Help)>> s_helps = new(Walk);

    /// <summary>Every command path ("route add", ...) with its help, found by walking the Commands section of each help.</summary>
    private static List<(string[] Path, string Help)> AllHelps() => s_helps.Value;

    private static List<(string[] Path, string Help)> Walk()
    {
        var found = new List<(string[] Path, string Help)>();
        List<string[]> level = [[]];
        while (level.Count > 0)
        {
            var helps = level.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(path => (Path: path, Result: CliProcess.Run([.. path, "--help"]))).ToArray();
            level = [];
            foreach (var (path, result) in helps)
            {
                Assert.True(result.ExitCode == 0, $"iphelper {string.Join(' ', path)} --help: exit {result.ExitCode} {result.Stderr}");
                Assert.Equal("", result.Stderr);
                found.Add((path, result.Stdout));
                level.AddRange(Subcommands(result.Stdout).Select(name => (string[])[.. path, name]));
            }
        }
        return found;
    }

    /// <summary>The names in the Commands section: "  del, delete &lt;prefix&gt;   Delete ..." gives "delete".</summary>
    private static IEnumerable<string> Subcommands(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        if (start < 0) yield break;
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.Trim().Length > 0))
        {
            if (line.Length < 3 || line[2] == ' ') continue;
            var first = line.Trim().Split("  ")[0];
            var names = first.Split(' ')[0..].TakeWhile(t => !t.StartsWith('<')).Select(t => t.TrimEnd(',')).ToArray();
            yield return names[^1];
        }
    }

    [Fact]
    public void EveryCommandsHelp_HasADescriptionUsageAndExamplesThatStartWithIphelper()
    {
        var helps = AllHelps();

        Assert.Contains(helps, h => h.Path.SequenceEqual(["route", "add"]));
        Assert.Contains(helps, h => h.Path.SequenceEqual(["completion"]));
        Assert.True(helps.Count >= 40, $"only {helps.Count} commands found");
        foreach (var (path, help) in helps)
        {
            var name = "iphelper " + string.Join(' ', path);
            Assert.True(help.StartsWith("Description:", StringComparison.Ordinal), $"{name}: {help}");
            Assert.Contains("Usage:", help, StringComparison.Ordinal);
            var examples = help.Split('\n').SkipWhile(l => l != "Examples:").Skip(1).TakeWhile(l => l.Length > 0).ToArray();
            Assert.True(examples.Length > 0, $"{name} --help has no Examples section");
            foreach (var example in examples)
                Assert.True(example.StartsWith("  iphelper ", StringComparison.Ordinal) || example.Contains("iphelper", StringComparison.Ordinal), $"{name}: example '{example}'");
            if (path.Length > 0)
                Assert.Contains(examples, e => e.Contains("iphelper " + string.Join(' ', path), StringComparison.Ordinal) || path[0] == "completion");
        }
    }

    [Fact]
    public void EveryInterfaceOption_IsDashIOrDashDashInterface_WithTheSameValueName()
    {
        foreach (var (path, help) in AllHelps())
        {
            var options = help.Split('\n').Where(l => l.StartsWith("  -", StringComparison.Ordinal)).ToArray();
            foreach (var line in options.Where(l => l.Contains("--interface", StringComparison.Ordinal)))
                Assert.StartsWith("  -i, --interface <if>", line, StringComparison.Ordinal);
            foreach (var line in options.Where(l => l.Contains("--source", StringComparison.Ordinal)))
                Assert.StartsWith("  -s, --source <address>", line, StringComparison.Ordinal);
            Assert.DoesNotContain("--dev", help, StringComparison.Ordinal);
            if (path.Length == 0) continue;
            foreach (var global in new[] { "--json", "-n, --netns <name>", "-f, --family <" })
                Assert.Contains(global, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryListVerb_FiltersByInterface()
    {
        foreach (var noun in new[] { "ipinterface", "address", "anycast", "multicast", "neighbor", "path", "route" })
            Assert.Contains("-i, --interface <if>", CliProcess.Run(noun, "list", "--help").Stdout, StringComparison.Ordinal);
    }
}
