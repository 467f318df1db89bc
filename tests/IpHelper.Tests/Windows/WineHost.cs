using System.Diagnostics;
using System.Text;
using IpHelper.Tests.Release;

namespace IpHelper.Tests.Windows;

/// <summary>
/// Runs Windows programs under Debian's Wine inside a test namespace: one throw-away WINEPREFIX per
/// run (a wineserver belongs to the namespace it started in), stopped and deleted afterwards.
/// </summary>
internal static class WineHost
{
    /// <summary>Debian's wine64 loader; it is not on PATH.</summary>
    public const string Loader = "/usr/lib/wine/wine64";

    private const string Server = "/usr/lib/wine/wineserver";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    public static bool IsInstalled => File.Exists(Loader);

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>
    /// Runs each of <paramref name="commands"/> (a Windows executable and its arguments) in turn under
    /// Wine in the namespace <paramref name="netns"/>, with one fresh prefix, and returns their stdout.
    /// </summary>
    public static IReadOnlyList<string> Run(string netns, params string[][] commands)
    {
        if (!IsInstalled) throw new InvalidOperationException($"Wine is not installed ({Loader}): run .ci/install.d/wine.sh");
        var prefix = Directory.CreateTempSubdirectory("iphelper-wineprefix-").FullName;
        try
        {
            var outputs = new List<string>();
            foreach (var command in commands) outputs.Add(Start(netns, prefix, command));
            return outputs;
        }
        finally
        {
            var server = ServerDirectoryName(prefix);
            Stop(prefix);
            Directory.Delete(prefix, recursive: true);
            DeleteServerDirectory(server);
        }
    }

    /// <summary>
    /// The name of the directory the prefix's wineserver keeps its socket in: server-DEV-INODE of the
    /// prefix, in hex, inside a /tmp/wine-XXXXXX directory that outlives the server.
    /// </summary>
    private static string ServerDirectoryName(string prefix)
    {
        var fields = Kernel.Infrastructure.Command.Run("stat", "-c", "%d %i", prefix).Split(' ', StringSplitOptions.TrimEntries);
        return $"server-{ulong.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture):x}-{ulong.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture):x}";
    }

    private static void DeleteServerDirectory(string server)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), "wine-*"))
            if (Directory.Exists(Path.Combine(directory, server))) Directory.Delete(directory, recursive: true);
    }

    private static string Start(string netns, string prefix, string[] command)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in (string[])["netns", "exec", netns, "env", "WINEDEBUG=-all", $"WINEPREFIX={prefix}", Loader, .. command])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"wine64 {string.Join(' ', command)} did not finish in {s_timeout.TotalMinutes} min: {stderr.Result}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wine64 {string.Join(' ', command)} exited {process.ExitCode}: {stderr.Result}");
        return stdout.GetAwaiter().GetResult();
    }

    private static void Stop(string prefix)
    {
        var start = new ProcessStartInfo(Server, "-k") { UseShellExecute = false, RedirectStandardError = true };
        start.Environment["WINEPREFIX"] = prefix;
        using var process = Process.Start(start)!;
        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Publishes <paramref name="project"/> for win-x64 (self-contained) into <paramref name="output"/>,
    /// with the given artifacts folder, and returns the build's result (warnings included).
    /// </summary>
    public static Dotnet.Result Publish(string project, string artifacts, string output) =>
        Dotnet.Run(ReleaseBuild.RepositoryRoot, null,
            ["publish", project, "-c", "Release", "-r", "win-x64", "--self-contained", "--artifacts-path", artifacts, "-tl:off", "-nodeReuse:false", "-o", output])
            .EnsureSuccess();
}
