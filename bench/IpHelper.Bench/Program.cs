using IpHelper.Bench;
using IpHelper.Bench.Interfaces;
using IpHelper.Bench.Notifications;
using IpHelper.Bench.Routes;

// Usage: dotnet run -c Release --project bench/IpHelper.Bench -- <benchmark> [options]
// Each benchmark is a class in its own file, registered here by name; it prints its measurements,
// the ratio to its peers, and whether each target is met. Names with ':' are child processes.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["routes"] = RouteBenchmark.Run,
    [RouteTableChild.Name] = RouteTableChild.Run,
    [BestRouteChild.Name] = BestRouteChild.Run,
    ["neighbors"] = _ => NeighborBench.Run(),
    ["addresses"] = _ => AddressTableBenchmark.Run(),
    ["interfaces"] = InterfaceBenchmark.Run,
    ["notifications"] = NotificationBenchmark.Run,
    [InterfaceBenchmark.ChildName] = InterfaceBenchmark.Child,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: IpHelper.Bench <{string.Join('|', benchmarks.Keys.Where(k => !k.Contains(':')))}> [options]");
    return 2;
}
return run(args[1..]);
