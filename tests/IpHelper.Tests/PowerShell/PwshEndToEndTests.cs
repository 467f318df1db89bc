using System.Globalization;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Routes;
using IpHelper.Tests.Release;
using Xunit;

namespace IpHelper.Tests.PowerShell;

/// <summary>
/// The published module run by a real pwsh process, as an operator runs it: Import-Module from the folder the
/// packaging command makes, Get-NetRoute in a test namespace, compared with ip -j route; and the folder installed
/// from a local repository with PSResourceGet (what Install-Module does from a gallery).
/// </summary>
[Collection(typeof(ReleaseCollection))]
public sealed class PwshEndToEndTests(ReleaseBuild build, RouteTopology topology) : IClassFixture<RouteTopology>
{
    [RootFact]
    public void ImportModule_GetNetRoute_MatchesIpRoute()
    {
        Pwsh.Require();
        var expected = RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetwork, "main", "local")
            .Concat(RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetworkV6, "main", "local"));

        var output = Pwsh.Run($"Import-Module '{Manifest}'; Get-NetRoute -NetNamespace {topology.Ns.Name} | ForEach-Object {{ '{{0}} {{1}} {{2}} {{3}} {{4}}' -f $_.ifIndex, $_.DestinationPrefix, $_.NextHop, $_.RouteMetric, [int]$_.Protocol }}");

        var actual = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim().Split(' ')).Select(f =>
            new RouteFact(uint.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2], uint.Parse(f[3], CultureInfo.InvariantCulture), (NlRouteProtocol)int.Parse(f[4], CultureInfo.InvariantCulture)));
        Assert.Equal(RouteOracle.Describe(expected), RouteOracle.Describe(actual));
    }

    [RootFact]
    public void ImportModule_DefaultView_PrintsTheWindowsColumnsWithIpsRoutes()
    {
        Pwsh.Require();
        var expected = RouteOracle.Routes(topology.Ns, System.Net.Sockets.AddressFamily.InterNetwork, "main");

        var output = Pwsh.Run($"Import-Module '{Manifest}'; Get-NetRoute -NetNamespace {topology.Ns.Name} -AddressFamily IPv4 | Out-String -Width 200");

        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal("ifIndex DestinationPrefix NextHop RouteMetric ifMetric PolicyStore", string.Join(' ', lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        foreach (var route in expected)
            Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var i, var p, var h, var m, _, "ActiveStore"]
                && i == route.InterfaceIndex.ToString(CultureInfo.InvariantCulture) && p == route.Prefix && h == route.NextHop && m == route.Metric.ToString(CultureInfo.InvariantCulture));
    }

    [RootFact]
    public void RemoveNetRoute_FromPipeline_InRealPwsh_DeletesTheRoute()
    {
        Pwsh.Require();
        using var ns = Objects.NetRouteTests.Lab();
        ns.Ip("route", "add", "203.0.113.0/24", "via", "192.0.2.9");

        Pwsh.Run($"Import-Module '{Manifest}'; Get-NetRoute -NetNamespace {ns.Name} -DestinationPrefix 203.0.113.0/24 | Remove-NetRoute -Confirm:$false");

        Assert.Empty(RouteOracle.Show(ns, "203.0.113.0/24"));
    }

    [Fact]
    public void ModuleFolder_HoldsTheModuleAndIpHelper_AndNothingOfPowerShell()
    {
        var files = Directory.GetFiles(build.PowerShellModule, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(build.PowerShellModule, f)).Order();

        Assert.Equal(["IpHelper.PowerShell.deps.json", "IpHelper.PowerShell.dll", "IpHelper.PowerShell.format.ps1xml", "IpHelper.PowerShell.pdb",
            "IpHelper.PowerShell.psd1", "IpHelper.PowerShell.types.ps1xml", "IpHelper.dll", "IpHelper.pdb"], files);
    }

    [Fact]
    public void ModuleFolder_PublishedToALocalRepository_InstallsAndImports()
    {
        Pwsh.Require();
        var work = Directory.CreateTempSubdirectory("iphelper-psrepo-").FullName;
        try
        {
            var repository = Directory.CreateDirectory(System.IO.Path.Combine(work, "repo")).FullName;
            var saved = Directory.CreateDirectory(System.IO.Path.Combine(work, "saved")).FullName;
            var output = Pwsh.Run(string.Join("; ",
                $"Register-PSResourceRepository -Name iph-local -Uri '{repository}' -Trusted",
                "try {",
                $"Publish-PSResource -Path '{build.PowerShellModule}' -Repository iph-local",
                $"Save-PSResource -Name IpHelper.PowerShell -Repository iph-local -Path '{saved}' -TrustRepository",
                $"Import-Module (Join-Path '{saved}' 'IpHelper.PowerShell'); (Get-Module IpHelper.PowerShell).Version.ToString(); (Get-Command -Module IpHelper.PowerShell).Count; (Get-NetAdapter -IncludeHidden -Name lo).Name",
                "} finally { Unregister-PSResourceRepository -Name iph-local }"));

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var version = typeof(IpHelper.PowerShell.NetCmdlet).Assembly.GetName().Version!;
            Assert.Equal([$"{version.Major}.{version.Minor}.{version.Build}", "17", "lo"], lines);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private string Manifest => System.IO.Path.Combine(build.PowerShellModule, "IpHelper.PowerShell.psd1");
}
