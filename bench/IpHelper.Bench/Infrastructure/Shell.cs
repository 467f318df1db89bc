using System.Diagnostics;

namespace IpHelper.Bench.Infrastructure;

/// <summary>Runs the external programs the benchmarks compare against or use for setup.</summary>
internal static class Shell
{
    /// <summary>Runs a program, discarding or capturing its output, and returns stdout and the wall time.</summary>
    /// <exception cref="InvalidOperationException">The program failed.</exception>
    public static (string Output, TimeSpan Elapsed) Run(string file, IEnumerable<string> arguments, bool captureOutput = true) =>
        RunWithInput(file, null, arguments, captureOutput);

    /// <summary>As <see cref="Run"/>, writing <paramref name="input"/> (when not null) to the program's stdin first.</summary>
    /// <exception cref="InvalidOperationException">The program failed.</exception>
    public static (string Output, TimeSpan Elapsed) RunWithInput(string file, string? input, IEnumerable<string> arguments, bool captureOutput = true)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        string output;
        if (captureOutput) output = process.StandardOutput.ReadToEnd();
        else
        {
            // Read and drop, like a pipe to /dev/null, without keeping megabytes of text.
            var buffer = new char[1 << 16];
            while (process.StandardOutput.Read(buffer, 0, buffer.Length) > 0) { }
            output = "";
        }
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        return (output, watch.Elapsed);
    }

    /// <summary>True when <paramref name="program"/> is on the PATH.</summary>
    public static bool Exists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>The command line that starts this benchmark program again (the apphost, or dotnet and the dll).</summary>
    public static string[] Self()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [host, typeof(Shell).Assembly.Location]
            : [host];
    }
}
