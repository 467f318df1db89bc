using System.Diagnostics;

namespace IpHelper.Tests.Reliability.Fuzzing;

/// <summary>
/// Runs one target over its seeds and then over <c>inputs</c> mutants, deterministically for a given
/// seed. Records the first input that threw, the slowest input (re-timed, so that a pause of the
/// machine is not taken for a hang) and the most any input allocated.
/// </summary>
internal static class MutationFuzzer
{
    /// <summary>Inputs slower than this are re-run three times; the fastest re-run is what counts.</summary>
    private static readonly TimeSpan s_retimeAbove = TimeSpan.FromMilliseconds(20);

    /// <summary>How many recent mutants are kept to be mutated again (so mutations stack across inputs).</summary>
    private const int PoolSize = 64;

    public static FuzzReport Run(FuzzTarget target, int inputs, int seed)
    {
        var seeds = target.Seeds();
        var random = new Random(seed);
        var mutator = new Mutator(random, target.Kind, seeds);
        var pool = new List<byte[]>(PoolSize);
        var report = new FuzzReport(target.Name);
        foreach (var input in seeds) Feed(target, input, report);
        for (var i = 0; i < inputs && report.Failure is null; i++)
        {
            var parent = pool.Count > 0 && random.Next(4) == 0 ? pool[random.Next(pool.Count)] : seeds[random.Next(seeds.Count)];
            var input = mutator.Mutate(parent);
            Feed(target, input, report);
            if (pool.Count < PoolSize) pool.Add(input);
            else pool[random.Next(PoolSize)] = input;
        }
        report.MutationCounts = Mutator.Names.Zip(mutator.Counts).ToArray();
        return report;
    }

    private static void Feed(FuzzTarget target, byte[] input, FuzzReport report)
    {
        report.Inputs++;
        report.Bytes += input.Length;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        try
        {
            target.Run(input);
        }
        catch (Exception e)
        {
            report.Failure = (input, e);
            return;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (allocated > report.MaxAllocated) (report.MaxAllocated, report.MaxAllocatedInput) = (allocated, input);
        if (elapsed > s_retimeAbove) elapsed = Retime(target, input);
        if (elapsed > report.Slowest) (report.Slowest, report.SlowestInput) = (elapsed, input);
    }

    private static TimeSpan Retime(FuzzTarget target, byte[] input)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            target.Run(input);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed < best) best = elapsed;
        }
        return best;
    }
}

/// <summary>What one fuzzing run of one target saw.</summary>
internal sealed class FuzzReport(string target)
{
    public string Target { get; } = target;
    public long Inputs { get; set; }
    public long Bytes { get; set; }
    public (byte[] Input, Exception Exception)? Failure { get; set; }
    public TimeSpan Slowest { get; set; }
    public byte[] SlowestInput { get; set; } = [];
    public long MaxAllocated { get; set; }
    public byte[] MaxAllocatedInput { get; set; } = [];
    public (string Name, long Count)[] MutationCounts { get; set; } = [];

    public override string ToString() =>
        $"{Target}: {Inputs} inputs ({Bytes / 1024} KiB), slowest {Slowest.TotalMilliseconds:0.###} ms ({SlowestInput.Length} bytes), " +
        $"most allocated {MaxAllocated} bytes ({MaxAllocatedInput.Length}-byte input); mutations: " +
        string.Join(", ", MutationCounts.Where(m => m.Count > 0).Select(m => $"{m.Name} {m.Count}"));
}
