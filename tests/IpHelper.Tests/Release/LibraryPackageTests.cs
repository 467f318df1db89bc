using System.Text;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Release;

/// <summary><c>dotnet pack src/IpHelper</c>: the library package and its symbols package.</summary>
[Collection(typeof(ReleaseCollection))]
public sealed class LibraryPackageTests(ReleaseBuild build)
{
    [Fact]
    public void Pack_ReportsNoWarning() => Assert.Empty(build.Packages.Warnings);

    [Fact]
    public void LibraryPackage_HoldsTheAssembly_ItsXmlDocs_AndTheReadme()
    {
        using var package = new NuGetPackage(build.Packages.Library);

        Assert.Contains("lib/net10.0/IpHelper.dll", package.Entries);
        Assert.Contains("README.md", package.Entries);
        var docs = Encoding.UTF8.GetString(package.Read("lib/net10.0/IpHelper.xml"));
        Assert.Contains("<member name=\"M:IpHelper.NetIo.GetIfTable2(", docs, StringComparison.Ordinal);
        Assert.Contains("GetIfTable2", Encoding.UTF8.GetString(package.Read("README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryPackage_Nuspec_DeclaresLicenseReadmeAndTheCommitItWasBuiltFrom()
    {
        using var package = new NuGetPackage(build.Packages.Library);
        var metadata = package.Metadata;

        Assert.Equal("IpHelper", NuGetPackage.Child(metadata, "id")?.Value);
        Assert.Equal(build.Packages.Version, NuGetPackage.Child(metadata, "version")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(NuGetPackage.Child(metadata, "description")?.Value));
        var license = NuGetPackage.Child(metadata, "license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);
        Assert.Equal("README.md", NuGetPackage.Child(metadata, "readme")?.Value);
        var repository = NuGetPackage.Child(metadata, "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        var head = Command.Run("git", "-C", ReleaseBuild.RepositoryRoot, "rev-parse", "HEAD").Trim();
        Assert.Equal(head, repository?.Attribute("commit")?.Value);
    }

    [Fact]
    public void LibraryPackage_DependsOnNoPackage_TheAnalyzersStayPrivate()
    {
        using var package = new NuGetPackage(build.Packages.Library);

        var dependencies = NuGetPackage.Child(package.Metadata, "dependencies");
        Assert.NotNull(dependencies);
        Assert.DoesNotContain(dependencies.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void SymbolsPackage_HoldsTheLibrarysPortablePdb()
    {
        using var symbols = new NuGetPackage(build.Packages.LibrarySymbols);

        Assert.Equal("BSJB"u8.ToArray(), symbols.Read("lib/net10.0/IpHelper.pdb").Take(4));
    }
}
