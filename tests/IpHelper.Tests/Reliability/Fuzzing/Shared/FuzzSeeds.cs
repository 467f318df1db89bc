namespace IpHelper.Tests.Reliability.Fuzzing;

/// <summary>Seed inputs: the kernel replies captured by tools/capture-netlink.py (TestData/netlink/*.bin, copied next to the binaries).</summary>
internal static class FuzzSeeds
{
    public static string CaptureDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "netlink");

    /// <summary>The captured datagrams whose file names start with one of <paramref name="prefixes"/> (every capture when none), in name order.</summary>
    public static IReadOnlyList<byte[]> Captured(params string[] prefixes)
    {
        var files = Directory.GetFiles(CaptureDirectory, "*.bin")
            .Where(f => prefixes.Length == 0 || prefixes.Any(p => Path.GetFileName(f).StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) throw new InvalidOperationException($"no captured seeds matching {string.Join(", ", prefixes)} in {CaptureDirectory}");
        return [.. files.Select(File.ReadAllBytes)];
    }
}
