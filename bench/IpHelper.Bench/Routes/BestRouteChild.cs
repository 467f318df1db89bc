using System.Diagnostics;
using System.Globalization;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Routes;

/// <summary>
/// Runs inside the benchmark namespace: GetBestRoute2 for one destination, warm-up calls for at least
/// half a second (1000 calls take a few milliseconds, long before the JIT's tier-1 code is in place, so
/// a count alone times unoptimised code), then COUNT timed calls; prints <c>us=AVERAGE cpu_us=AVERAGE</c>, wall-clock
/// and CPU (user + system, of the calling thread, which makes every call) microseconds per call.
/// </summary>
internal static class BestRouteChild
{
    public const string Name = "routes:best";

    public static int Run(string[] args)
    {
        SockAddrInet.TryParse(args[0], out var destination);
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 1000 || warmUp.ElapsedMilliseconds < 500; i++) Call(destination);
        var cpu = ThreadCpu.Milliseconds();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) Call(destination);
        var elapsed = watch.Elapsed;
        var cpuUs = (ThreadCpu.Milliseconds() - cpu) * 1e3 / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"us={elapsed.TotalMicroseconds / count:0.000} cpu_us={cpuUs:0.000}"));
        return 0;
    }

    private static void Call(in SockAddrInet destination) =>
        NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _).ThrowIfFailed();
}
