using System.Diagnostics;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.PowerShell;

/// <summary>
/// The pwsh executable for end-to-end tests (installed by .ci/install.d/pwsh.sh): skipped with a reason where it is
/// missing, a failure when CI=true, since CI installs it.
/// </summary>
internal static class Pwsh
{
    /// <summary>pwsh on PATH, or null.</summary>
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => System.IO.Path.Combine(dir, "pwsh")).FirstOrDefault(File.Exists);

    /// <summary>The path of pwsh, or a skip (a failure in CI) when there is none.</summary>
    public static string Require()
    {
        if (Path is not null) return Path;
        const string reason = "pwsh is not installed (.ci/install.d/pwsh.sh installs PowerShell 7.6.10 as a dotnet tool)";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
        Assert.Skip(reason);
        return "";
    }

    /// <summary>
    /// How long one pwsh run may take: a cold pwsh start costs seconds, and a remoting run starts four of them, on a
    /// machine that may be loaded (the 30 s of the other test commands is not enough there).
    /// </summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs <c>pwsh -NoProfile -NonInteractive -Command SCRIPT</c> and returns its standard output.</summary>
    /// <exception cref="CommandException">pwsh failed (a script error makes it exit non-zero) or ran out of time.</exception>
    public static string Run(string script) => RunIn(null, script);

    /// <summary>Runs pwsh as <see cref="Run"/> does, inside a namespace when <paramref name="ns"/> is given (ip netns exec).</summary>
    /// <exception cref="CommandException">pwsh failed or ran out of time.</exception>
    public static string RunIn(TestNetns? ns, string script)
    {
        string[] pwsh = [Require(), "-NoProfile", "-NonInteractive", "-Command", "$ErrorActionPreference = 'Stop'; $PSStyle.OutputRendering = 'PlainText'; " + script];
        string[] command = ns is null ? pwsh : ["ip", "netns", "exec", ns.Name, .. pwsh];
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command[1..]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new CommandException(command[0], -1, "could not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new CommandException(string.Join(' ', command), -1, $"killed after {s_timeout}. {stderr.GetAwaiter().GetResult()}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0) throw new CommandException(string.Join(' ', command), process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        return stdout.GetAwaiter().GetResult();
    }
}
