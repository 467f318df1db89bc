namespace IpHelper.Tests.Release;

/// <summary>The NativeAOT publish folder, the executable in it, and what <c>dotnet publish</c> printed.</summary>
public sealed record NativeExecutable(string Directory, string Path, IReadOnlyList<string> Warnings, string Output);
