using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>Checks that rejected calls leave the kernel as it was.</summary>
public static class KernelState
{
    /// <summary>
    /// Runs <paramref name="rejectedCalls"/> and fails if the links of <paramref name="ns"/> (<c>ip -j link</c>:
    /// names, flags, MTU, states, addresses, masters; no counters, no bridge timers) differ afterwards.
    /// </summary>
    public static void AssertUnchangedBy(TestNetns ns, Action rejectedCalls)
    {
        var before = Snapshot(ns);
        rejectedCalls();
        Assert.Equal(before, Snapshot(ns));
    }

    private static string Snapshot(TestNetns ns) => ns.IpJson("link", "show").GetRawText();
}
