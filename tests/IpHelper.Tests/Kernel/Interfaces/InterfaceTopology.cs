using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>
/// A namespace A holding one interface of every kind the interface functions must describe, and a
/// namespace B for the far ends of veth pairs. Built on first use (so skipped tests never build it)
/// and shared by the tests of one class, which only read it.
/// <list type="bullet">
/// <item>lo; veth0 (198.51.100.1/24) whose peer veth1 (198.51.100.2/24) is in B;</item>
/// <item>bridge br0 with ports vb0 (peer vb0p, here) and vb1 (peer vb1p, in B);</item>
/// <item>macvlan mv0 and vxlan vx0, both over veth0; tun0 (no process: no carrier);</item>
/// <item>ifb0 (alias "iph test alias", MTU 9000); ifb1, administratively down;</item>
/// <item>vd0, up, whose peer vd0p is down (no carrier: LOWERLAYERDOWN).</item>
/// </list>
/// Kinds the kernel lacks are left out and listed in <see cref="MissingKinds"/>.
/// </summary>
public sealed class InterfaceTopology : IDisposable
{
    public const string IfAlias = "iph test alias";

    private readonly Lazy<(TestNetns A, TestNetns B)> _namespaces;

    public InterfaceTopology() => _namespaces = new(Build);

    public TestNetns A => _namespaces.Value.A;

    public TestNetns B => _namespaces.Value.B;

    /// <summary>Link kinds the kernel could not create, with the reason.</summary>
    public Dictionary<string, string> MissingKinds { get; } = [];

    /// <summary>Skips the calling test when the kernel could not create links of <paramref name="kind"/>.</summary>
    public void SkipUnless(string kind)
    {
        _ = A;
        if (MissingKinds.TryGetValue(kind, out var reason)) Assert.Skip(reason);
    }

    public void Dispose()
    {
        if (!_namespaces.IsValueCreated) return;
        Cleanup.Dispose(_namespaces.Value.A, _namespaces.Value.B);
    }

    private (TestNetns, TestNetns) Build()
    {
        var a = new TestNetns();
        var b = new TestNetns();
        try
        {
            a.ConnectVeth(b, "veth0", "veth1");
            a.AddAddress("veth0", "198.51.100.1/24");
            b.AddAddress("veth1", "198.51.100.2/24");
            a.AddVeth("vb0", "vb0p");
            a.ConnectVeth(b, "vb1", "vb1p");
            a.AddBridge("br0", "vb0", "vb1");
            Optional("macvlan", () => a.AddMacvlan("mv0", "veth0"));
            Optional("vxlan", () => a.AddVxlan("vx0", 42, parent: "veth0", local: "198.51.100.1"));
            Optional("tun", () => a.AddTun("tun0"));
            Optional("ifb", () =>
            {
                a.AddIfb("ifb0");
                a.Ip("link", "set", "ifb0", "mtu", "9000", "alias", IfAlias);
                a.Ip("link", "add", "ifb1", "type", "ifb");
            });
            a.AddVeth("vd0", "vd0p");
            a.Ip("link", "set", "vd0p", "down");
            WaitForOperStates(a);
            return (a, b);
        }
        catch
        {
            a.Dispose();
            b.Dispose();
            throw;
        }
    }

    private void Optional(string kind, Action add)
    {
        try
        {
            add();
        }
        catch (CommandException e) when (e.StandardError.Contains("Unknown device type", StringComparison.Ordinal)
                                         || e.StandardError.Contains("No such device", StringComparison.Ordinal))
        {
            MissingKinds[kind] = $"kernel has no {kind} links: {e.StandardError.Trim()}";
        }
    }

    /// <summary>
    /// The kernel sets IFF_LOWER_UP at once but updates the operational state from its link-watch
    /// work, up to a second later: wait until every state agrees with its carrier, so tests compare
    /// settled values.
    /// </summary>
    private static void WaitForOperStates(TestNetns ns)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IpLink.List(ns).Any(IsSettling))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"link states in {ns.Name} did not settle");
            Thread.Sleep(50);
        }
    }

    private static bool IsSettling(IpLink link) =>
        !link.IsUp ? link.OperState is "UP"
        : link.HasFlag("LOWER_UP") ? link.OperState is "DOWN" or "LOWERLAYERDOWN"
        : link.OperState is "UP";
}
