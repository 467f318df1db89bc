using IpHelper.Bench;

// Each suite prints its measurements, the ratio to its peer, and whether its target is met.
var suites = new Dictionary<string, Func<int>>
{
    ["neighbors"] = NeighborBench.Run,
    ["addresses"] = AddressTableBenchmark.Run,
};
var selected = args.Length == 0 ? suites.Keys.ToArray() : args;
var failures = 0;
foreach (var name in selected)
{
    if (!suites.TryGetValue(name, out var suite))
    {
        Console.Error.WriteLine($"unknown suite '{name}'; suites: {string.Join(", ", suites.Keys)}");
        return 2;
    }
    failures += suite();
}
return failures == 0 ? 0 : 1;
