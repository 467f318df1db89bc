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

    /// <summary>Runs <c>pwsh -NoProfile -NonInteractive -Command SCRIPT</c> and returns its standard output.</summary>
    /// <exception cref="CommandException">pwsh failed (a script error makes it exit non-zero).</exception>
    public static string Run(string script) =>
        Command.Run(Require(), "-NoProfile", "-NonInteractive", "-Command", "$ErrorActionPreference = 'Stop'; $PSStyle.OutputRendering = 'PlainText'; " + script);
}
