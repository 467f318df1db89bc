using System.Globalization;
using System.Text;
using IpHelper.Linux.Netlink;
using Xunit;

namespace IpHelper.Tests.Reliability.Fuzzing;

/// <summary>
/// The CI-sized fuzz run: every target of <see cref="FuzzTargets.All"/> gets its seeds and
/// <see cref="InputsPerTarget"/> mutants (times IPHELPER_FUZZ_SCALE when set), always the same ones.
/// No input may throw, take 100 ms (timed again when slow, so a machine pause does not count) or
/// allocate 4 MiB. A failing input is written to the temp directory and shown in hex, to become a
/// regression test in Regressions/.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int InputsPerTarget = 25_000;
    private static readonly TimeSpan s_slowInput = TimeSpan.FromMilliseconds(100);
    private const long MaxAllocatedPerInput = 4 << 20;

    public static TheoryData<string> TargetNames => new(FuzzTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Target_SurvivesItsSeedsAndMutants_WithoutExceptionHangOrBloat(string name)
    {
        var target = FuzzTargets.Get(name);
        var report = MutationFuzzer.Run(target, InputsPerTarget * Scale, StableSeed(name));
        ReliabilityCounts.Report(ReliabilityCounts.InputsFuzzed, report.Inputs, report.ToString());

        if (report.Failure is { } failure)
            Assert.Fail($"{name} threw on input {Save(name, failure.Input)} ({failure.Input.Length} bytes: {Hex(failure.Input)}):\n{failure.Exception}");
        Assert.True(report.Slowest < s_slowInput, $"{name}: an input took {report.Slowest.TotalMilliseconds} ms: {Save(name, report.SlowestInput)}");
        Assert.True(report.MaxAllocated < MaxAllocatedPerInput, $"{name}: an input allocated {report.MaxAllocated} bytes: {Save(name, report.MaxAllocatedInput)}");
    }

    [Fact]
    public void Mutator_WithTheSameSeed_MakesTheSameInputs()
    {
        var seeds = FuzzSeeds.Captured("link-");
        byte[][] Make()
        {
            var mutator = new Mutator(new Random(7), FuzzInputKind.Netlink, seeds);
            return [.. Enumerable.Range(0, 200).Select(i => mutator.Mutate(seeds[i % seeds.Count]))];
        }

        Assert.Equal(Make(), Make());
    }

    [Fact]
    public void Layout_FindsEveryMessageAndNestedAttribute_OfACapturedLinkDump()
    {
        var datagram = FuzzSeeds.Captured("link-dump-001")[0];
        var layout = NetlinkLayout.Of(datagram);

        var messages = 0;
        foreach (var _ in new NetlinkMessageEnumerator(datagram)) messages++;
        Assert.Equal(messages, layout.Messages.Count);
        Assert.Contains(layout.Attributes, a => a.Parents.Length == 3); // IFLA_LINKINFO / IFLA_INFO_DATA / its members
        Assert.All(layout.Attributes, a => Assert.InRange(a.Offset + a.Length, a.Offset + 4, a.ContainerEnd));
    }

    [Fact]
    public void DuplicateAndShrinkMutations_KeepEveryLengthTrue()
    {
        var seeds = FuzzSeeds.Captured("link-dump-", "route", "addr");
        var mutator = new Mutator(new Random(11), FuzzInputKind.Netlink, seeds);
        var checkedInputs = 0;
        for (var i = 0; i < 2000; i++)
        {
            var before = mutator.Counts.ToArray();
            var mutant = mutator.Mutate(seeds[i % seeds.Count]);
            var applied = mutator.Counts.Zip(before, (after, was) => after - was).ToArray();
            // Only inputs that got nothing but well-formed duplicates and shrinks (indices 5 and 6).
            if (applied.Where((count, index) => index is not (5 or 6) && count > 0).Any()) continue;
            var walk = new NetlinkMessageEnumerator(mutant);
            while (walk.MoveNext()) { }
            Assert.False(walk.Malformed, $"mutant {i} has a message length that lies");
            checkedInputs++;
        }
        Assert.True(checkedInputs > 50, $"only {checkedInputs} inputs had only structural mutations");
    }

    private static int Scale =>
        int.TryParse(Environment.GetEnvironmentVariable("IPHELPER_FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    /// <summary>A seed fixed by the target's name (string.GetHashCode differs from run to run).</summary>
    private static int StableSeed(string name)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var b in Encoding.UTF8.GetBytes(name)) hash = (hash ^ b) * 16777619u;
        return (int)hash;
    }

    private static string Save(string target, byte[] input)
    {
        var directory = Path.Combine(Path.GetTempPath(), "iphelper-fuzz-findings");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{target}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..16]}.bin");
        File.WriteAllBytes(path, input);
        return path;
    }

    private static string Hex(byte[] input) => input.Length <= 2048 ? Convert.ToHexString(input) : Convert.ToHexString(input.AsSpan(0, 2048)) + "...";
}
