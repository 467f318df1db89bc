namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>An external command (ip, sysctl, ...) run by a test failed or did not finish in time.</summary>
public sealed class CommandException(string commandLine, int exitCode, string standardError)
    : Exception($"'{commandLine}' failed (exit code {exitCode}): {standardError.Trim()}")
{
    /// <summary>The command and its arguments, as one line.</summary>
    public string CommandLine { get; } = commandLine;

    /// <summary>The exit code, or -1 when the command was killed for taking too long.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>What the command wrote to stderr.</summary>
    public string StandardError { get; } = standardError;
}
