using System.Diagnostics;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>Runs the iphelper CLI (built beside the tests, not referenced) as a process.</summary>
internal static class CliProcess
{
    /// <summary>IpHelper.Cli.dll of the same configuration as the tests: tests/IpHelper.Tests/bin/CFG/TFM → src/IpHelper.Cli/bin/CFG/TFM.</summary>
    internal static string CliPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "src", "IpHelper.Cli", "bin", configuration, framework, "IpHelper.Cli.dll");
    }

    /// <summary>Runs <c>iphelper ARGS</c> with <paramref name="stdin"/> and returns the exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"iphelper {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
