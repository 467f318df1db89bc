namespace IpHelper.Tests.Release;

/// <summary>The <c>iphelper</c> command <c>dotnet tool install --tool-path</c> created, and what the install printed.</summary>
public sealed record InstalledTool(string Path, string Output);
