using IpHelper.Bench;
using IpHelper.Bench.Reporting;
using IpHelper.Bench.Routes;

// Usage: dotnet run -c Release --project bench/IpHelper.Bench -- <benchmark> [options]
// (the whole report: bench/run-all.sh). Each benchmark is a class in its own file, registered here by
// name; it prints its measurements, the ratio to its peers, and whether each target is met. Names
// with ':' are child processes.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["report"] = PerformanceReport.Run,
    [RouteTableChild.Name] = RouteTableChild.Run,
    [BestRouteChild.Name] = BestRouteChild.Run,
    [RouteDecodeChild.Name] = RouteDecodeChild.Run,
    ["neighbors"] = _ => NeighborBench.Run(),
    ["addresses"] = _ => AddressTableBenchmark.Run(),
    [InterfaceWorkload.ChildName] = InterfaceWorkload.Child,
    ["scoped"] = _ => IpHelper.Bench.Namespaces.ScopedCallsBenchmark.Run(),
    ["scale"] = IpHelper.Bench.Namespaces.ScaleBenchmark.Run,
    ["bestroute-floor"] = _ => IpHelper.Bench.Namespaces.BestRouteFloorBenchmark.Run(),
    [IpHelper.Bench.Namespaces.ScopedCallsBenchmark.ChildName] = IpHelper.Bench.Namespaces.ScopedCallsBenchmark.Child,
    [IpHelper.Bench.Namespaces.CallLoop.Name] = IpHelper.Bench.Namespaces.CallLoop.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: IpHelper.Bench <{string.Join('|', benchmarks.Keys.Where(k => !k.Contains(':')))}> [options]");
    return 2;
}
return run(args[1..]);
