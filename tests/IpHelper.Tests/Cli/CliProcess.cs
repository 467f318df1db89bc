using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace IpHelper.Tests.Cli;

/// <summary>
/// Runs the built CLI (<c>dotnet IpHelper.Cli.dll ARGS</c>) as a separate process, as a user would.
/// The test project builds src/IpHelper.Cli but does not reference its assembly, so the dll is found
/// next to the tests' output or in the CLI project's own output for the same configuration.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> s_dll = new(FindDll);

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Stdout parsed as JSON, after checking the command succeeded.</summary>
        public JsonElement Json()
        {
            Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Stderr}");
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The built IpHelper.Cli.dll, for a test that starts the CLI itself (a command that keeps running).</summary>
    public static string DllPath => s_dll.Value;

    public static Result Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs the CLI with <paramref name="stdin"/> as its standard input (null: an empty one).</summary>
    public static Result RunWithInput(byte[]? stdin, params string[] args)
    {
        var start = StartInfo("dotnet");
        start.ArgumentList.Add(s_dll.Value);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Finish(start, stdin, $"iphelper {string.Join(' ', args)}", s_timeout);
    }

    /// <summary>
    /// Runs <paramref name="script"/> with sh -c, where "$IPHELPER" runs the CLI: for the shell's own
    /// plumbing (closed descriptors, /dev/full, pipes into head).
    /// </summary>
    public static Result RunShell(string script, TimeSpan timeout)
    {
        var start = StartInfo("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["IPHELPER"] = $"dotnet {s_dll.Value}";
        return Finish(start, null, script, timeout);
    }

    /// <summary>A start of the CLI with stdout and stderr redirected, for a test that talks to it while it runs.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = StartInfo("dotnet");
        start.ArgumentList.Add(s_dll.Value);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    private static ProcessStartInfo StartInfo(string file)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    private static Result Finish(ProcessStartInfo start, byte[]? stdin, string what, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not finish in {timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string FindDll()
    {
        var output = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var candidates = new List<string> { Path.Combine(output, "IpHelper.Cli.dll") };
        // OUTPUT = <repo>/tests/IpHelper.Tests/bin/<Configuration>/<tfm>
        var framework = Path.GetFileName(output);
        var configuration = Path.GetFileName(Path.GetDirectoryName(output)!);
        for (var dir = new DirectoryInfo(output); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IpHelper.slnx")))
            {
                candidates.Add(Path.Combine(dir.FullName, "src", "IpHelper.Cli", "bin", configuration, framework, "IpHelper.Cli.dll"));
                break;
            }
        }
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"IpHelper.Cli.dll not found; looked at {string.Join(", ", candidates)}");
    }
}
