using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace IpHelper.Tests.Release;

/// <summary>
/// The release artifacts built once for every test of <see cref="ReleaseCollection"/>: both NuGet packages
/// (<c>dotnet pack</c>), the NativeAOT executable (<c>dotnet publish</c>) and the dotnet tool installed from
/// the local package, each made the first time a test asks for it, in one temporary folder deleted afterwards.
/// The builds use their own artifacts folder, so they neither read nor disturb the repository's bin/ and obj/.
/// </summary>
public sealed partial class ReleaseBuild : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("iphelper-release-").FullName;
    private readonly Lazy<ReleasePackages> _packages;
    private readonly Lazy<NativeExecutable> _native;
    private readonly Lazy<InstalledTool> _tool;
    private readonly Lazy<string> _module;

    /// <summary>Sets up the lazy builds; nothing runs until a test asks.</summary>
    public ReleaseBuild()
    {
        _packages = new(Pack);
        _native = new(Publish);
        _tool = new(InstallTool);
        _module = new(PublishModule);
    }

    /// <summary>The repository checkout the tests run from (the folder holding IpHelper.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The C compiler NativeAOT links with (clang, or gcc, which ILC falls back to), or null when there is none.</summary>
    public static string? NativeLinker { get; } = FindOnPath("clang") ?? FindOnPath("gcc");

    /// <summary>IpHelper and IpHelper.Tool packed into one folder.</summary>
    public ReleasePackages Packages => _packages.Value;

    /// <summary>src/IpHelper.Cli published with NativeAOT for the machine's runtime identifier.</summary>
    public NativeExecutable Native => _native.Value;

    /// <summary>IpHelper.Tool installed with <c>dotnet tool install --tool-path</c> from <see cref="Packages"/> only.</summary>
    public InstalledTool Tool => _tool.Value;

    /// <summary>
    /// The PowerShell module folder (named IpHelper.PowerShell, as Import-Module and Publish-PSResource want it) made by
    /// docs/powershell.md's command: <c>dotnet publish src/IpHelper.PowerShell -c Release -o DIR/IpHelper.PowerShell</c>.
    /// </summary>
    public string PowerShellModule => _module.Value;

    /// <summary>Deletes everything the builds and the install wrote.</summary>
    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Artifacts => Path.Combine(_root, "artifacts");

    private ReleasePackages Pack()
    {
        var output = Path.Combine(_root, "packages");
        var library = Build("pack", "src/IpHelper/IpHelper.csproj", "-o", output);
        var tool = Build("pack", "src/IpHelper.Cli/IpHelper.Cli.csproj", "-o", output);
        var version = Directory.GetFiles(output, "IpHelper.*.nupkg")
            .Select(path => LibraryPackageName().Match(Path.GetFileName(path)))
            .Single(match => match.Success).Groups["version"].Value;
        return new ReleasePackages(output, version, [.. library.Warnings, .. tool.Warnings], library.Output + tool.Output);
    }

    private NativeExecutable Publish()
    {
        var output = Path.Combine(_root, "native");
        var publish = Build("publish", "src/IpHelper.Cli/IpHelper.Cli.csproj", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output);
        return new NativeExecutable(output, Path.Combine(output, "iphelper"), publish.Warnings, publish.Output);
    }

    private string PublishModule()
    {
        var output = Path.Combine(_root, "module", "IpHelper.PowerShell");
        Build("publish", "src/IpHelper.PowerShell/IpHelper.PowerShell.csproj", "-o", output);
        return output;
    }

    private InstalledTool InstallTool()
    {
        var packages = Packages;
        var config = Path.Combine(_root, "nuget.config");
        // Only the folder the packages were packed into: the install must not depend on (or wait for) any feed.
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages.Directory}" />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(_root, "tool");
        // A private package cache, so an IpHelper.Tool of the same version extracted by an earlier run is not reused.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "nuget-packages") };
        var install = Dotnet.Run(_root, environment,
            "tool", "install", "IpHelper.Tool", "--version", packages.Version, "--tool-path", toolPath, "--configfile", config)
            .EnsureSuccess();
        return new InstalledTool(Path.Combine(toolPath, "iphelper"), install.Output);
    }

    private Dotnet.Result Build(string verb, string project, params string[] arguments) =>
        Dotnet.Run(RepositoryRoot, null,
            [verb, project, "-c", "Release", "--artifacts-path", Artifacts, "-tl:off", "-nodeReuse:false", .. arguments])
            .EnsureSuccess();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IpHelper.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no IpHelper.slnx above {AppContext.BaseDirectory}");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"^IpHelper\.(?<version>[0-9][^/]*)\.nupkg$")]
    private static partial Regex LibraryPackageName();
}
