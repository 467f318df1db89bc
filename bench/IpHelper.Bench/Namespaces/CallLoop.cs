using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Bench.Namespaces;

/// <summary>
/// One call in a loop, for profilers (<c>strace -c -f</c>, <c>perf stat</c>, <c>valgrind --tool=callgrind</c>):
/// <c>ns:loop CALL COUNT [NAMESPACE]</c> runs CALL (bestroute, unicast, ipinterface, ifentry) COUNT
/// times after as many warm-up calls (half a second at least), inside <c>NetNamespace.Enter(NAMESPACE)</c> when a namespace is
/// given (else in the namespace the process was started in), and prints microseconds and managed bytes allocated per call. The
/// namespace needs v0 with 192.0.2.1/24 and a route to 198.51.100.7 (what <c>scoped</c> sets up).
/// </summary>
internal static class CallLoop
{
    public const string Name = "ns:loop";

    public static int Run(string[] args)
    {
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        using var scope = args.Length > 2 ? NetNamespace.Enter(args[2]) : null;
        var call = Call(args[0]);
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < count || warmUp.ElapsedMilliseconds < 500; i++) call();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) call();
        var us = watch.Elapsed.TotalMicroseconds / count;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"us={us:0.000} bytes={bytes}"));
        return 0;
    }

    private static Action Call(string name)
    {
        NetIo.ConvertInterfaceAliasToLuid("v0", out var luid).ThrowIfFailed();
        NetIo.ConvertInterfaceLuidToIndex(luid, out var index).ThrowIfFailed();
        SockAddrInet.TryParse("198.51.100.7", out var destination);
        SockAddrInet.TryParse("192.0.2.1", out var local);
        return name switch
        {
            "bestroute" => () => NetIo.GetBestRoute2(null, 0, null, destination, 0, out _, out _).ThrowIfFailed(),
            "unicast" => () =>
            {
                var row = new MibUnicastIpAddressRow { Address = local, InterfaceIndex = index };
                NetIo.GetUnicastIpAddressEntry(ref row).ThrowIfFailed();
            },
            "ipinterface" => () =>
            {
                NetIo.InitializeIpInterfaceEntry(out var row);
                row.Family = AddressFamily.InterNetwork;
                row.InterfaceIndex = index;
                NetIo.GetIpInterfaceEntry(ref row).ThrowIfFailed();
            },
            "ifentry" => () =>
            {
                var row = new MibIfRow2 { InterfaceIndex = index };
                NetIo.GetIfEntry2(ref row).ThrowIfFailed();
            },
            _ => throw new ArgumentException($"unknown call {name}: bestroute, unicast, ipinterface or ifentry"),
        };
    }
}
