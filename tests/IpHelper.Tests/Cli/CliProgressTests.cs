using System.Text;
using IpHelper.Tests.Kernel.Addresses;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>Progress on stderr for long operations: shown on a terminal, never on a pipe or with --json.</summary>
public sealed class CliProgressTests
{
    private const int Routes = 40_000;

    /// <summary>A namespace with v0 (192.0.2.1/24) and a batch file of <see cref="Routes"/> routes via 192.0.2.9.</summary>
    private static (TestNetns Ns, string File) Lab()
    {
        var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var text = new StringBuilder();
        for (var i = 0; i < Routes; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"10.{i >> 8 & 255}.{i & 255}.0/24 via 192.0.2.9\n");
        var file = Path.GetTempFileName();
        File.WriteAllText(file, text.ToString());
        return (ns, file);
    }

    private static int RouteCount(TestNetns ns) => ns.IpJson("-4", "route", "show", "via", "192.0.2.9").GetArrayLength();

    [RootTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void BatchAddAndBigList_ThroughAPipe_WriteNothingToStderr(bool json)
    {
        var (ns, file) = Lab();
        using (ns)
        {
            try
            {
                string[] options = json ? ["--json", "--netns", ns.Name] : ["--netns", ns.Name];
                var add = CliProcess.Run(["route", "add", "--batch", file, .. options]);
                var list = CliProcess.Run(["route", "list", "--family", "ipv4", .. options]);

                Assert.Equal(0, add.ExitCode);
                Assert.Equal(Routes, RouteCount(ns));
                Assert.Equal("", add.Stderr);
                Assert.Equal(0, list.ExitCode);
                Assert.Equal("", list.Stderr);
                Assert.Contains("10.0.255.0/24", list.Stdout, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [RootFact]
    public void BatchAdd_OnATerminal_ShowsRoutesDoneOfTotal_AndErasesTheLine()
    {
        if (!File.Exists("/usr/bin/script")) Assert.Skip("needs script(1) from util-linux to give the CLI a terminal");
        var (ns, file) = Lab();
        using (ns)
        {
            try
            {
                var command = $"dotnet '{CliProcess.DllPath}' route add --batch '{file}' --netns {ns.Name}";
                var terminal = Kernel.Infrastructure.Command.Run("script", "-qec", command, "/dev/null");

                var count = Routes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains($"{count}/{count} routes", terminal, StringComparison.Ordinal);
                Assert.Contains("\r\u001b[K", terminal, StringComparison.Ordinal);
                Assert.Contains($"created {Routes} of {Routes} routes", terminal, StringComparison.Ordinal);
                Assert.Equal(Routes, RouteCount(ns));
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
