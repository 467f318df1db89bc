using System.Diagnostics;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Reliability.Privileges;

/// <summary>What one run of the CLI did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout.Trim()}\nstderr: {Stderr.Trim()}";
}

/// <summary>
/// Runs the built CLI (<c>dotnet IpHelper.Cli.dll</c>) inside a test namespace, as root or as the
/// unprivileged user nobody (65534, no groups, no capabilities in any set, no_new_privs):
/// <c>ip netns exec NS setpriv ... dotnet IpHelper.Cli.dll ARGS</c>. The CLI is run from a copy that
/// nobody can read, with a writable HOME, which dotnet needs.
/// <para>
/// An area proves that a write command needs privileges with one line per command, for example
/// <c>UnprivilegedCli.AssertWriteDenied(ns, ["route", "add", "192.0.2.0/24", "--interface", "v0"], () =&gt; ns.Ip("-j", "route", "show", "table", "all"))</c>.
/// </para>
/// </summary>
internal static class UnprivilegedCli
{
    public const string Nobody = "65534";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<(string Dll, string Home)> s_install = new(() => OperatingSystem.IsLinux() ? Install() : throw new PlatformNotSupportedException());

    /// <summary>Runs the CLI in <paramref name="ns"/> as nobody.</summary>
    public static CliResult RunAsNobody(TestNetns ns, params string[] args) => Run(ns, unprivileged: true, args);

    /// <summary>Runs the CLI in <paramref name="ns"/> as root (what nobody's result is compared with).</summary>
    public static CliResult RunAsRoot(TestNetns ns, params string[] args) => Run(ns, unprivileged: false, args);

    /// <summary>
    /// Runs a write command as nobody and asserts that it failed (non-zero exit) with
    /// "AccessDenied (5)" on stderr, and that <paramref name="stateOracle"/> (for example
    /// <c>ip -j route show table all</c>) prints the same before and after: the kernel changed nothing.
    /// </summary>
    public static CliResult AssertWriteDenied(TestNetns ns, string[] cliArgs, Func<string> stateOracle)
    {
        var before = stateOracle();
        var result = RunAsNobody(ns, cliArgs);
        var after = stateOracle();
        Assert.True(result.ExitCode != 0, $"'{string.Join(' ', cliArgs)}' as nobody succeeded:\n{result}");
        Assert.True(result.Stderr.Contains("AccessDenied (5)", StringComparison.Ordinal), $"'{string.Join(' ', cliArgs)}' as nobody did not report AccessDenied (5):\n{result}");
        Assert.True(before == after, $"'{string.Join(' ', cliArgs)}' as nobody changed the kernel state:\nbefore: {before}\nafter: {after}");
        return result;
    }

    /// <summary>Starts the CLI as nobody in <paramref name="ns"/> without waiting (for <c>monitor</c>); the caller kills it.</summary>
    public static Process StartAsNobody(TestNetns ns, params string[] args)
    {
        var start = StartInfo(ns, unprivileged: true, args);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
    }

    private static CliResult Run(TestNetns ns, bool unprivileged, string[] args)
    {
        using var process = Process.Start(StartInfo(ns, unprivileged, args)) ?? throw new InvalidOperationException("could not start the CLI");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', args)}' did not finish in {s_timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static ProcessStartInfo StartInfo(TestNetns ns, bool unprivileged, string[] args)
    {
        var (dll, home) = s_install.Value;
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        List<string> command = ["netns", "exec", ns.Name];
        if (unprivileged)
        {
            command.AddRange(["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]);
        }
        command.AddRange(["env", $"HOME={home}", $"DOTNET_CLI_HOME={home}", "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_NOLOGO=1", "dotnet", dll, .. args]);
        foreach (var argument in command) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>
    /// Copies the CLI's build output (src/IpHelper.Cli/bin/CONFIGURATION/net10.0, built with the tests) to a
    /// directory everyone can read, since the work tree may not be, and makes a HOME nobody can write.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static (string Dll, string Home) Install()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var cli = Path.Combine(repository, "src", "IpHelper.Cli", "bin", configuration, output.Name);
        if (!File.Exists(Path.Combine(cli, "IpHelper.Cli.dll"))) throw new InvalidOperationException($"the CLI is not built in {cli}");

        var root = Directory.CreateTempSubdirectory("iph-cli-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => root.Delete(recursive: true);
        const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(root.FullName, Readable);
        var bin = Directory.CreateDirectory(Path.Combine(root.FullName, "bin"));
        File.SetUnixFileMode(bin.FullName, Readable);
        foreach (var file in Directory.GetFiles(cli))
        {
            var copy = Path.Combine(bin.FullName, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, Readable);
        }
        var home = Directory.CreateDirectory(Path.Combine(root.FullName, "home"));
        File.SetUnixFileMode(home.FullName, (UnixFileMode)0x1FF); // 0777: nobody's HOME
        return (Path.Combine(bin.FullName, "IpHelper.Cli.dll"), home.FullName);
    }
}
