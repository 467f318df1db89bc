using System.Diagnostics;
using IpHelper.Tests.Kernel.Infrastructure;
using IpHelper.Tests.Kernel.Routes;
using IpHelper.Tests.Release;
using Xunit;

namespace IpHelper.Tests.PowerShell;

/// <summary>
/// Fleet use through PowerShell remoting over SSH, the engine operators already have: three namespaces each run
/// their own sshd with pwsh as the powershell subsystem, and one Invoke-Command -HostName a,b,c from a client
/// namespace runs Get-NetRoute on all three. Each host's answer is compared with ip -j route of its namespace.
/// </summary>
[Collection(typeof(ReleaseCollection))]
public sealed class SshRemotingTests(ReleaseBuild build)
{
    private const string Sshd = "/usr/sbin/sshd";

    [RootFact]
    public void InvokeCommand_HostNameABC_GetNetRoute_AnswersWithEachHostsRoutes()
    {
        var pwsh = Pwsh.Require();
        RequireSshd();
        var keys = Directory.CreateTempSubdirectory("iph-ssh-").FullName;
        var servers = new List<TestNetns>();
        var daemons = new List<Process>();
        try
        {
            Command.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(keys, "host"));
            Command.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(keys, "id"));
            File.Copy(Path.Combine(keys, "id.pub"), Path.Combine(keys, "authorized_keys"));
            var config = Path.Combine(keys, "sshd_config");
            File.WriteAllText(config, $"""
                Port 22
                HostKey {keys}/host
                AuthorizedKeysFile {keys}/authorized_keys
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                StrictModes no
                Subsystem powershell {pwsh} -sshs -NoLogo -NoProfile
                """);
            Directory.CreateDirectory("/run/sshd");

            using var client = new TestNetns();
            client.AddBridge("br0");
            client.AddAddress("br0", "192.0.2.10/24");
            for (var n = 1; n <= 3; n++)
            {
                var server = new TestNetns();
                servers.Add(server);
                client.ConnectVeth(server, $"c{n}", "eth0");
                client.Ip("link", "set", $"c{n}", "master", "br0");
                server.AddAddress("eth0", $"192.0.2.1{n}/24");
                server.Ip("route", "add", $"203.0.113.{n}/32", "via", "192.0.2.10");
                daemons.Add(StartSshd(server, config));
            }

            foreach (var n in Enumerable.Range(1, 3)) WaitForPort(client, $"192.0.2.1{n}");
            var manifest = Path.Combine(build.PowerShellModule, "IpHelper.PowerShell.psd1");
            var output = Pwsh.RunIn(client,
                $"Invoke-Command -HostName 192.0.2.11,192.0.2.12,192.0.2.13 -UserName root -KeyFilePath {keys}/id "
                + "-Options @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' } "
                + $"-ScriptBlock {{ Import-Module '{manifest}'; Get-NetRoute -AddressFamily IPv4 }} "
                + "| ForEach-Object { '{0} {1} {2} {3} {4}' -f $_.PSComputerName, $_.ifIndex, $_.DestinationPrefix, $_.NextHop, $_.RouteMetric }");

            var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ')).ToLookup(f => f[0]);
            for (var n = 1; n <= 3; n++)
            {
                var expected = RouteOracle.Routes(servers[n - 1], System.Net.Sockets.AddressFamily.InterNetwork, "main", "local")
                    .Select(f => $"{f.InterfaceIndex} {f.Prefix} {f.NextHop} {f.Metric}").Order();
                Assert.Equal(expected, answers[$"192.0.2.1{n}"].Select(f => string.Join(' ', f[1..])).Order());
                Assert.Contains($"203.0.113.{n}/32", answers[$"192.0.2.1{n}"].Select(f => f[2]));
            }
        }
        finally
        {
            foreach (var daemon in daemons)
            {
                daemon.Kill(entireProcessTree: true);
                daemon.WaitForExit();
                daemon.Dispose();
            }

            foreach (var server in servers) server.Dispose();
            Directory.Delete(keys, recursive: true);
        }
    }

    /// <summary>Skips without sshd (a failure in CI, where .ci/install.d/sshd.sh installs it).</summary>
    private static void RequireSshd()
    {
        if (File.Exists(Sshd)) return;
        const string reason = "sshd is not installed (.ci/install.d/sshd.sh installs openssh-server)";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
        Assert.Skip(reason);
    }

    /// <summary>sshd in the foreground inside the namespace (ip netns exec execs it, so this process is sshd itself).</summary>
    private static Process StartSshd(TestNetns ns, string config)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["netns", "exec", ns.Name, Sshd, "-D", "-e", "-f", config]) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start sshd");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Waits (up to 10 s) until sshd accepts connections on the address, probing from the client namespace.</summary>
    private static void WaitForPort(TestNetns client, string address)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                client.Exec("python3", "-c", $"import socket; socket.create_connection(('{address}', 22), 1).close()");
                return;
            }
            catch (CommandException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(100);
            }
        }
    }
}
