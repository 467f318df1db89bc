using System.Management.Automation;
using System.Reflection;
using IpHelper.PowerShell;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Objects;
using Xunit;

namespace IpHelper.Tests.PowerShell;

/// <summary>The manifest, the exported cmdlets and the default views (the columns of the Windows cmdlets).</summary>
public sealed class ModuleTests(ObjectsLab lab) : IClassFixture<ObjectsLab>
{
    private static readonly string[] s_windowsCmdlets =
    [
        "Find-NetRoute", "Get-NetAdapter", "Get-NetIPAddress", "Get-NetIPConfiguration", "Get-NetIPInterface", "Get-NetNeighbor", "Get-NetRoute",
        "New-NetIPAddress", "New-NetNeighbor", "New-NetRoute", "Remove-NetIPAddress", "Remove-NetNeighbor", "Remove-NetRoute",
        "Set-NetIPAddress", "Set-NetIPInterface", "Set-NetNeighbor", "Set-NetRoute",
    ];

    [Fact]
    public void Manifest_IsValid_AndExportsExactlyTheWindowsCmdletNames()
    {
        var module = (PSModuleInfo)CmdletHost.RunClean($"Test-ModuleManifest -Path '{CmdletHost.ManifestPath}'").Single().BaseObject;

        Assert.Equal(s_windowsCmdlets, module.ExportedCmdlets.Keys.Order());
        var inAssembly = typeof(NetCmdlet).Assembly.GetTypes().Select(t => t.GetCustomAttribute<CmdletAttribute>()).OfType<CmdletAttribute>()
            .Select(c => $"{c.VerbName}-{c.NounName}").Order();
        Assert.Equal(s_windowsCmdlets, inAssembly);
    }

    [Fact]
    public void Manifest_Version_IsTheAssemblyVersion()
    {
        var module = (PSModuleInfo)CmdletHost.RunClean($"Test-ModuleManifest -Path '{CmdletHost.ManifestPath}'").Single().BaseObject;

        var version = typeof(NetCmdlet).Assembly.GetName().Version!;
        Assert.Equal(new Version(version.Major, version.Minor, version.Build), module.Version);
    }

    [Theory]
    [InlineData("Get-NetRoute -NetNamespace NS", "ifIndex DestinationPrefix NextHop RouteMetric ifMetric PolicyStore")]
    [InlineData("Get-NetIPAddress -NetNamespace NS | Format-Table", "ifIndex IPAddress PrefixLength PrefixOrigin SuffixOrigin AddressState PolicyStore")]
    [InlineData("Get-NetNeighbor -NetNamespace NS", "ifIndex IPAddress LinkLayerAddress State PolicyStore")]
    [InlineData("Get-NetIPInterface -NetNamespace NS", "ifIndex InterfaceAlias AddressFamily NlMtu(Bytes) InterfaceMetric Dhcp ConnectionState PolicyStore")]
    [InlineData("Get-NetAdapter -NetNamespace NS", "Name InterfaceDescription ifIndex Status MacAddress LinkSpeed")]
    public void DefaultTableView_HasTheWindowsColumns(string command, string columns)
    {
        if (!Root.IsRoot) Assert.Skip(Root.SkipReason);
        lab.Ns.Ip("neigh", "replace", "192.0.2.66", "lladdr", "02:00:00:00:00:66", "dev", "v0", "nud", "permanent");

        var text = Render(command.Replace("NS", lab.Ns.Name, StringComparison.Ordinal), table: true);

        var header = text.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0);
        Assert.Equal(columns, string.Join(' ', header.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [RootFact]
    public void DefaultView_OfNetIPAddress_IsTheWindowsList()
    {
        var text = Render($"Get-NetIPAddress -NetNamespace {lab.Ns.Name} -IPAddress 192.0.2.1", table: false);

        var labels = text.Split('\n').Where(l => l.Contains(" : ", StringComparison.Ordinal)).Select(l => l.Split(':')[0].Trim());
        Assert.Equal(["IPAddress", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "Type", "PrefixLength", "PrefixOrigin", "SuffixOrigin",
            "AddressState", "ValidLifetime", "PreferredLifetime", "SkipAsSource", "PolicyStore"], labels);
        Assert.Contains("ValidLifetime     : Infinite ([TimeSpan]::MaxValue)", text, StringComparison.Ordinal);
    }

    [RootFact]
    public void DefaultView_OfNetRoute_ShowsTheRow()
    {
        var text = Render($"Get-NetRoute -NetNamespace {lab.Ns.Name} -DestinationPrefix 203.0.113.0/26", table: true);

        var row = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Last();
        Assert.Equal($"{lab.Index("v1")} 203.0.113.0/26 198.51.100.2 50 0 ActiveStore", string.Join(' ', row.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>What the default formatter prints, wide enough that no column is cut, without colours.</summary>
    private static string Render(string command, bool table)
    {
        var output = CmdletHost.RunClean($"$PSStyle.OutputRendering = 'PlainText'; {command} | Out-String -Width 250");
        var text = (string)Assert.Single(output).BaseObject;
        Assert.Equal(table, !text.Contains(" : ", StringComparison.Ordinal));
        return text.Replace("\r", "", StringComparison.Ordinal);
    }
}
