using System.Collections.Concurrent;
using System.Diagnostics;
using IpHelper.Linux.Notifications;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Notifications;

/// <summary>
/// GetTeredoPort and NotifyTeredoPortChange against a stand-in Teredo client: a Python process run
/// under the name "miredo" inside a test namespace, bound to a UDP port as miredo is.
/// </summary>
[Collection(typeof(NonParallelCollection))]
public sealed class TeredoTests
{
    [RootFact]
    public void GetTeredoPort_WithoutClient_ReturnsNotReadyAndZero()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.NotReady, NetIo.GetTeredoPort(out var port));
        Assert.Equal(0, port);
        Assert.Equal(NetIoStatus.NotReady, NetIo.LastErrorDetail!.Status);
    }

    [RootFact]
    public void GetTeredoPort_WithClient_ReturnsItsUdpPort()
    {
        using var ns = new TestNetns();
        using var client = FakeMiredo.Start(ns);
        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetTeredoPort(out var port));
        Assert.Equal(client.Port, port);
    }

    [RootFact]
    public void GetTeredoPort_ClientInAnotherNamespace_IsNotSeen()
    {
        using var ns = new TestNetns();
        using var other = new TestNetns();
        using var client = FakeMiredo.Start(other);
        using var scope = ns.Enter();
        Assert.Equal(NetIoStatus.NotReady, NetIo.GetTeredoPort(out _));
    }

    [RootFact]
    public void NotifyTeredoPortChange_ReportsInitialAppearanceAndDeparture()
    {
        using var ns = new TestNetns();
        using var scope = ns.Enter();
        var saved = TeredoSubscription.PollInterval;
        TeredoSubscription.PollInterval = TimeSpan.FromMilliseconds(100);
        try
        {
            var events = new BlockingCollection<(object? Context, ushort Port, MibNotificationType Type)>();
            var context = new object();
            Assert.Equal(NetIoStatus.Success, NetIo.NotifyTeredoPortChange((c, p, t) => events.Add((c, p, t)), context, true, out var handle));
            using (handle)
            {
                Assert.True(events.TryTake(out var initial));
                Assert.Equal((context, (ushort)0, MibNotificationType.MibInitialNotification), initial);
                ushort port;
                using (var client = FakeMiredo.Start(ns))
                {
                    port = client.Port;
                    Assert.True(events.TryTake(out var added, TimeSpan.FromSeconds(10)));
                    Assert.Equal((context, port, MibNotificationType.MibAddInstance), added);
                }
                Assert.True(events.TryTake(out var removed, TimeSpan.FromSeconds(10)));
                Assert.Equal((context, (ushort)0, MibNotificationType.MibDeleteInstance), removed);
                Assert.Equal(NetIoStatus.Success, NetIo.CancelMibChangeNotify2(handle));
            }
        }
        finally
        {
            TeredoSubscription.PollInterval = saved;
        }
    }

    [Fact]
    public void NotifyTeredoPortChange_NullCallback_IsInvalidParameter()
    {
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.NotifyTeredoPortChange(null, null, false, out var handle));
        Assert.Null(handle);
    }

    /// <summary>A Python interpreter started through a link named "miredo", so /proc/PID/comm says miredo.</summary>
    private sealed class FakeMiredo : IDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private FakeMiredo(Process process, string directory, ushort port)
        {
            _process = process;
            _directory = directory;
            Port = port;
        }

        public ushort Port { get; }

        public static FakeMiredo Start(TestNetns ns)
        {
            string python;
            try
            {
                python = Command.Run("python3", "-c", "import sys; print(sys.executable)").Trim();
            }
            catch (Exception e) when (e is CommandException or System.ComponentModel.Win32Exception)
            {
                Assert.Skip("needs python3 to stand in for the miredo daemon");
                throw;
            }
            var directory = Directory.CreateTempSubdirectory("iph-miredo-").FullName;
            var link = Path.Combine(directory, "miredo");
            File.CreateSymbolicLink(link, python);
            var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var argument in (string[])["netns", "exec", ns.Name, link, "-c",
                "import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', 0)); print(s.getsockname()[1], flush=True); sys.stdin.read()"])
                start.ArgumentList.Add(argument);
            var process = Process.Start(start)!;
            var port = ushort.Parse(process.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
            return new FakeMiredo(process, directory, port);
        }

        public void Dispose()
        {
            Cleanup.All(
                () =>
                {
                    _process.StandardInput.Close();
                    if (!_process.WaitForExit(5000)) _process.Kill();
                },
                _process.Dispose,
                () => Directory.Delete(_directory, recursive: true));
        }
    }
}
