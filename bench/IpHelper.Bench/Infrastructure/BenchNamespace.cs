using System.Runtime.InteropServices;

namespace IpHelper.Bench.Infrastructure;

/// <summary>
/// A network namespace for one benchmark (<c>iph-bench-PID-N</c>), with lo up, deleted on Dispose,
/// at process exit and on Ctrl-C, so the host namespace is never touched.
/// </summary>
internal sealed class BenchNamespace : IDisposable
{
    private static int s_count;
    private static readonly List<BenchNamespace> s_alive = [];
    private static readonly PosixSignalRegistration s_interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DeleteAll());

    static BenchNamespace() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    public BenchNamespace()
    {
        GC.KeepAlive(s_interrupt);
        Name = $"iph-bench-{Environment.ProcessId}-{Interlocked.Increment(ref s_count)}";
        Shell.Run("ip", ["netns", "add", Name]);
        lock (s_alive) s_alive.Add(this);
        Ip("link", "set", "lo", "up");
    }

    public string Name { get; }

    /// <summary>Runs <c>ip -n NAME ARGS</c>.</summary>
    public string Ip(params string[] args) => Shell.Run("ip", ["-n", Name, .. args]).Output;

    /// <summary>Runs a program inside the namespace (<c>ip netns exec</c>).</summary>
    public (string Output, TimeSpan Elapsed) Exec(params string[] args) => Shell.Run("ip", ["netns", "exec", Name, .. args]);

    /// <summary>A veth pair v0/v1 (both up) with 192.0.2.1/24 and 2001:db8::1/64 on v0: the routes' next hops (192.0.2.x, 2001:db8::x) are on link.</summary>
    public void AddUplink()
    {
        Ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        Ip("link", "set", "v0", "up");
        Ip("link", "set", "v1", "up");
        Ip("address", "add", "192.0.2.1/24", "dev", "v0");
        Ip("address", "add", "2001:db8::1/64", "dev", "v0", "nodad");
    }

    public void Dispose()
    {
        lock (s_alive) if (!s_alive.Remove(this)) return;
        try
        {
            Shell.Run("ip", ["netns", "del", Name]);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void DeleteAll()
    {
        BenchNamespace[] all;
        lock (s_alive) all = [.. s_alive];
        foreach (var ns in all) ns.Dispose();
    }
}
