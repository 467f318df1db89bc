using System.Xml.Linq;
using Xunit;

namespace IpHelper.Tests.Release;

/// <summary>
/// <c>dotnet pack src/IpHelper.Cli</c>: the IpHelper.Tool dotnet tool package, installed from the local
/// folder into a temporary tool path and run.
/// </summary>
[Collection(typeof(ReleaseCollection))]
public sealed class ToolPackageTests(ReleaseBuild build)
{
    [Fact]
    public void ToolPackage_IsADotnetTool_WhoseCommandIsIphelper()
    {
        using var package = new NuGetPackage(build.Packages.Tool);

        var metadata = package.Metadata;
        Assert.Equal("IpHelper.Tool", NuGetPackage.Child(metadata, "id")?.Value);
        Assert.Equal("DotnetTool", NuGetPackage.Child(metadata, "packageTypes")?.Elements().Single().Attribute("name")?.Value);
        Assert.Equal("README.md", NuGetPackage.Child(metadata, "readme")?.Value);
        Assert.Contains("README.md", package.Entries);
        using var settings = new MemoryStream(package.Read("tools/net10.0/any/DotnetToolSettings.xml"));
        var command = XDocument.Load(settings).Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal("iphelper", command.Attribute("Name")?.Value);
        Assert.Equal("IpHelper.Cli.dll", command.Attribute("EntryPoint")?.Value);
    }

    [Fact]
    public void InstalledTool_LuidLoJson_IsTheKernelsLoopback() =>
        LoopbackOracle.AssertLuid(RunTool("luid", "lo", "--json"));

    [Fact]
    public void InstalledTool_InterfaceListJson_IsAnArrayHoldingTheKernelsLoopback() =>
        LoopbackOracle.AssertInterfaceList(RunTool("interface", "list", "--json"));

    /// <summary>Runs the installed command; its shim finds the runtime through DOTNET_ROOT, as after a user install.</summary>
    private Dotnet.Result RunTool(params string[] arguments) =>
        Dotnet.Exec(build.Tool.Path, new Dictionary<string, string> { ["DOTNET_ROOT"] = Dotnet.Root }, arguments);
}
