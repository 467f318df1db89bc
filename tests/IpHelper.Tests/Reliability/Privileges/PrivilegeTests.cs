using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Reliability.Privileges;

/// <summary>
/// The CLI as the unprivileged user nobody: every read gives exactly what root gets, and an operation
/// that needs a privilege fails with AccessDenied and changes nothing. Write commands of the areas
/// join <see cref="UnprivilegedCli.AssertWriteDenied"/> with one line each.
/// </summary>
public sealed class PrivilegeTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A namespace whose state stands still between the root run and the nobody run: a veth pair, a
    /// bridge with one end as its port and a macvlan on the other, all administratively down, so no
    /// frame is sent (counters stay 0) and no operstate is still settling.
    /// </summary>
    private static TestNetns QuietNamespace()
    {
        var ns = new TestNetns();
        try
        {
            ns.Ip("link", "add", "pv0", "type", "veth", "peer", "name", "pv1");
            ns.Ip("link", "add", "pbr0", "type", "bridge");
            ns.Ip("link", "set", "pv1", "master", "pbr0");
            ns.Ip("link", "add", "pmv0", "link", "pv0", "type", "macvlan", "mode", "bridge");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    [RootTheory]
    [InlineData("--json", "interface", "list")]
    [InlineData("--json", "interface", "list", "--no-statistics")]
    [InlineData("interface", "list")]
    [InlineData("--json", "interface", "show", "pv0")]
    [InlineData("--json", "interface", "show", "1")]
    [InlineData("--json", "interface", "stack")]
    [InlineData("--json", "interface", "stack", "--inverted")]
    [InlineData("--json", "luid", "pbr0")]
    [InlineData("--json", "luid", "loopback_1")]
    [InlineData("teredo")]
    public void Read_AsNobody_GivesWhatRootGets(params string[] args)
    {
        using var ns = QuietNamespace();

        var root = UnprivilegedCli.RunAsRoot(ns, args);
        var nobody = UnprivilegedCli.RunAsNobody(ns, args);

        Assert.Equal(root.Stdout, nobody.Stdout);
        Assert.Equal(root.Stderr, nobody.Stderr);
        Assert.Equal(root.ExitCode, nobody.ExitCode);
        Assert.DoesNotContain("AccessDenied", nobody.Stderr, StringComparison.Ordinal);
        if (args[0] == "--json") Assert.Equal(0, nobody.ExitCode);
    }

    [RootFact]
    public void Monitor_AsNobody_DeliversTheInitialNotificationAndChanges()
    {
        using var ns = QuietNamespace();
        using var monitor = UnprivilegedCli.StartAsNobody(ns, "--json", "monitor", "interfaces");
        try
        {
            var lines = monitor.StandardOutput;
            Assert.Equal("InitialNotification", NextLine(lines).GetProperty("NotificationType").GetString());
            ns.AddVeth("pv2", "pv3");
            JsonElement line;
            do line = NextLine(lines);
            while (line.GetProperty("Row").ValueKind != JsonValueKind.Object || line.GetProperty("Row").GetProperty("Alias").GetString() != "pv2");
            Assert.Equal("AddInstance", line.GetProperty("NotificationType").GetString());
        }
        finally
        {
            monitor.Kill(entireProcessTree: true);
            monitor.WaitForExit();
        }
    }

    [RootFact]
    public void AssertWriteDenied_EnteringANamespaceWithoutCapSysAdmin_IsDeniedAndChangesNothing()
    {
        using var ns = QuietNamespace();

        var result = UnprivilegedCli.AssertWriteDenied(ns, ["--netns", ns.Name, "interface", "list"], () => ns.Ip("-j", "link", "show"));

        Assert.Contains("CAP_SYS_ADMIN", result.Stderr, StringComparison.Ordinal);
    }

    [RootFact]
    public void AssertWriteDenied_OnACommandThatSucceeds_Fails()
    {
        using var ns = QuietNamespace();

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => UnprivilegedCli.AssertWriteDenied(ns, ["interface", "list"], () => ns.Ip("-j", "link", "show")));
    }

    [RootFact]
    public void AssertWriteDenied_WhenTheStateChanges_Fails()
    {
        using var ns = QuietNamespace();
        var calls = 0;

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            UnprivilegedCli.AssertWriteDenied(ns, ["--netns", ns.Name, "interface", "list"], () => $"state {calls++}"));
    }

    private static JsonElement NextLine(StreamReader lines)
    {
        var read = lines.ReadLineAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.True(read.Wait(s_wait), "the monitor printed nothing");
        Assert.NotNull(read.Result);
        using var document = JsonDocument.Parse(read.Result);
        return document.RootElement.Clone();
    }
}
