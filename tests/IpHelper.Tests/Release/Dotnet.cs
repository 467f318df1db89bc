using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace IpHelper.Tests.Release;

/// <summary>
/// Runs the <c>dotnet</c> CLI (publish, pack, tool install) and the programs it produced, as a developer would.
/// </summary>
internal static partial class Dotnet
{
    /// <summary>A publish with a cold NuGet cache on a busy 2-core machine stays well under this.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    /// <summary>The outcome of one process: exit code, stdout and stderr.</summary>
    public sealed record Result(string CommandLine, int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Both streams, for failure messages and warning scans.</summary>
        public string Output => Stdout + Stderr;

        /// <summary>The MSBuild, compiler, ILC and NuGet warnings the output reports (code and text).</summary>
        public IReadOnlyList<string> Warnings =>
            [.. Output.Split('\n').Where(line => WarningLine().IsMatch(line)).Select(line => line.Trim()).Distinct()];

        /// <summary>Fails the test with the whole output unless the process exited 0.</summary>
        public Result EnsureSuccess() =>
            ExitCode == 0 ? this : throw new InvalidOperationException($"{CommandLine} exited {ExitCode}:\n{Output}");
    }

    /// <summary>The root of the .NET installation running the tests (the folder holding shared/Microsoft.NETCore.App).</summary>
    public static string Root { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>Runs <c>dotnet ARGS</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Start(Path.Combine(Root, "dotnet"), workingDirectory, environment, arguments);

    /// <summary>Runs a program (a published or installed iphelper) with <paramref name="arguments"/>.</summary>
    public static Result Exec(string program, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Start(program, Path.GetDirectoryName(program)!, environment, arguments);

    private static Result Start(string file, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // `dotnet test` leaves its own MSBuild's paths in the environment; a nested build must find its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var commandLine = string.Join(' ', [file, .. arguments]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{commandLine} did not finish in {s_timeout.TotalMinutes} min:\n{stdout.Result}{stderr.Result}");
        }
        process.WaitForExit();
        return new Result(commandLine, process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>"file(1,2): warning CS1591: ...", "EXEC : warning IL2026: ...", "warning NU1603: ...".</summary>
    [GeneratedRegex(@"\bwarning [A-Z]+[0-9]+\b")]
    private static partial Regex WarningLine();
}
