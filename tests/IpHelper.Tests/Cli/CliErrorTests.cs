using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>Bad command lines fail like every other failure: "iphelper: InvalidParameter (87): reason" on stderr, exit code 2, nothing on stdout.</summary>
public sealed class CliErrorTests
{
    public static TheoryData<string[], string> BadCommandLines => new()
    {
        { ["route", "lsit"], "Did you mean 'list'? (iphelper route takes list, show, add, set, delete, get)" },
        { ["ruote", "list"], "Unrecognized command or argument 'ruote'. Did you mean 'route'?" },
        { ["nosuchnoun"], "'nosuchnoun'" },
        { ["route", "list", "--family", "ipv5"], "'ipv5'" },
        { ["route", "list", "--no-such-option"], "'--no-such-option'" },
        { ["address", "add", "192.0.2.1/24"], "--interface" },
        { ["neighbor", "add", "192.0.2.7", "-i", "lo", "--lladdr", "02:00:5e:00:00:07", "--state", "bogus"], "'bogus'" },
        { ["route", "get", "not-an-address"], "'not-an-address' is not an IP address" },
        { ["route", "add", "203.0.113.0/33", "-i", "lo"], "'203.0.113.0/33' is not a prefix" },
        { ["route", "list", "--table", "nosuch"], "'nosuch' is not a routing table" },
        { ["sort", "nonsense"], "'nonsense' is not an IPv4 or IPv6 address" },
        { ["completion", "tcsh"], "'tcsh'" },
        { ["monitor", "everything"], "'everything'" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void BadCommandLine_ExitsWith2_AndStderrNamesInvalidParameterAndTheReason(string[] args, string reason)
    {
        var result = CliProcess.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var first = result.Stderr.Split('\n')[0];
        Assert.StartsWith("iphelper: InvalidParameter (87): ", first, StringComparison.Ordinal);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseErrorMessages_AreOneLineEach_ThenAPointerToHelp()
    {
        var result = CliProcess.Run("route", "list", "--family", "ipv5");

        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("iphelper: InvalidParameter (87): Argument 'ipv5' not recognized. Must be one of: 'ipv4', 'ipv6', 'both', '4', '6', 'inet', 'inet6'", lines[0]);
        Assert.Equal("See 'iphelper route list --help'.", lines[1]);
    }

    [Fact]
    public void FailedCall_ExitsWith1_AndStderrNamesTheStatusCodeAndReason()
    {
        var result = CliProcess.Run("interface", "show", "no-such-interface-x");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("iphelper: FileNotFound (2): no interface is named, numbered or identified by 'no-such-interface-x'", result.Stderr.TrimEnd('\n'));
    }
}
