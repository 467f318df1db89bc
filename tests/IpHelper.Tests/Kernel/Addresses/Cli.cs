namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>Where the built CLI (IpHelper.Cli.dll, same configuration as the tests) is, to run it as a separate process.</summary>
internal static class Cli
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        for (var directory = output; directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "src", "IpHelper.Cli", "bin", configuration, framework, "IpHelper.Cli.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"IpHelper.Cli.dll ({configuration}/{framework}) was not built next to the tests");
    }
}
