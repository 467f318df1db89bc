using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>
/// Tables fit the terminal: least useful columns dropped first, then cells cut with '…'; --wide shows
/// everything; piped output always has every column in full. script(1) gives the CLI a terminal.
/// </summary>
public sealed class CliTableWidthTests
{
    private static string OnTerminal(int columns, string arguments)
    {
        if (!File.Exists("/usr/bin/script")) Assert.Skip("needs script(1) from util-linux to give the CLI a terminal");
        // stderr goes elsewhere: on a terminal a slow read shows a progress line there, which is not the table.
        var output = Command.Run("script", "-qec", $"stty cols {columns}; dotnet '{CliProcess.DllPath}' {arguments} 2>/dev/null", "/dev/null");
        // The terminal's own escapes (keypad mode) and carriage returns are not the table's.
        return System.Text.RegularExpressions.Regex.Replace(output, @"\x1b(\[[0-9;?]*[A-Za-z]|[=>])|\r", "");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [RootTheory]
    [InlineData("address list")]
    [InlineData("ipinterface list")]
    [InlineData("route list")]
    [InlineData("interface list")]
    [InlineData("neighbor list")]
    public void OnAnEightyColumnTerminal_EveryLineFits(string command)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:10/64", "nodad");
        ns.AddAddress("v0", "192.0.2.10/24");
        ns.Ip("neigh", "add", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:7", "lladdr", "02:00:5e:00:00:07", "dev", "v0");

        var lines = Lines(OnTerminal(80, $"{command} -n {ns.Name}"));
        var piped = Lines(CliProcess.Run([.. command.Split(' '), "-n", ns.Name]).Stdout);

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.InRange(line.Length, 1, 80));
        Assert.Equal(piped.Length, lines.Length);
    }

    [RootFact]
    public void NarrowTerminal_DropsTheLeastUsefulColumnsFirst_WideAndPipedKeepThem()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.10/24");

        // route list streams with fixed column widths (75 characters for IPv4): 60 columns drop two.
        var narrow = Lines(OnTerminal(60, $"route list -4 -n {ns.Name}"));
        var wide = Lines(OnTerminal(60, $"route list -4 --wide -n {ns.Name}"));
        var piped = Lines(CliProcess.Run("route", "list", "-4", "-n", ns.Name).Stdout);

        Assert.Equal(["ifIndex", "DestinationPrefix", "NextHop", "RouteMetric"], narrow[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string[] all = ["ifIndex", "DestinationPrefix", "NextHop", "RouteMetric", "ifMetric", "PolicyStore"];
        Assert.Equal(all, wide[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(all, piped[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(piped, wide);
    }

    [RootFact]
    public void VeryNarrowTerminal_CutsTheWidestCellsWithAnEllipsis()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:10/64", "nodad");

        var lines = Lines(OnTerminal(40, $"address list -6 -n {ns.Name}"));

        Assert.All(lines, line => Assert.InRange(line.Length, 1, 40));
        Assert.Contains(lines, line => line.Contains("2001:db8:", StringComparison.Ordinal) && line.Contains('…'));
    }
}
