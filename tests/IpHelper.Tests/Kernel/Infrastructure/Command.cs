using System.Diagnostics;

namespace IpHelper.Tests.Kernel.Infrastructure;

/// <summary>Runs the external tools the kernel tests use as oracles and to build topologies.</summary>
internal static class Command
{
    /// <summary>The longest any single command may take.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> and returns its stdout.
    /// </summary>
    /// <exception cref="CommandException">The command exited with a non-zero code or did not finish in time.</exception>
    public static string Run(string file, params IEnumerable<string> arguments) => RunWithInput(file, null, arguments);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/>, writes <paramref name="input"/> (if any)
    /// to its stdin, and returns its stdout.
    /// </summary>
    /// <exception cref="CommandException">The command exited with a non-zero code or did not finish in time.</exception>
    public static string RunWithInput(string file, string? input, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        string commandLine = string.Join(' ', [file, .. start.ArgumentList]);

        using Process process = Process.Start(start) ?? throw new CommandException(commandLine, -1, "could not start");
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new CommandException(commandLine, -1, $"killed after {s_timeout.TotalSeconds} s. {stderr.GetAwaiter().GetResult()}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0) throw new CommandException(commandLine, process.ExitCode, stderr.GetAwaiter().GetResult());
        return stdout.GetAwaiter().GetResult();
    }
}
