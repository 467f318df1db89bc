namespace IpHelper.Tests.Release;

/// <summary>The folder <c>dotnet pack</c> wrote IpHelper and IpHelper.Tool into, and what it printed.</summary>
public sealed record ReleasePackages(string Directory, string Version, IReadOnlyList<string> Warnings, string Output)
{
    /// <summary>The library package.</summary>
    public string Library => Path.Combine(Directory, $"IpHelper.{Version}.nupkg");

    /// <summary>The library's symbols package.</summary>
    public string LibrarySymbols => Path.Combine(Directory, $"IpHelper.{Version}.snupkg");

    /// <summary>The dotnet tool package.</summary>
    public string Tool => Path.Combine(Directory, $"IpHelper.Tool.{Version}.nupkg");
}
