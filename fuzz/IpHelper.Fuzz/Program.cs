using IpHelper.Tests.Reliability.Fuzzing;
using SharpFuzz;

// The SharpFuzz entry point for one decoder of FuzzTargets.All. Run by tools/fuzz-long.sh:
//   IpHelper.Fuzz TARGET                 under afl-fuzz: reads each input from stdin, an exception is a crash
//   IpHelper.Fuzz --list                 the target names
//   IpHelper.Fuzz --seeds TARGET DIR     writes the target's seed inputs (the starting corpus) to DIR
//   IpHelper.Fuzz --replay TARGET FILE.. runs saved inputs (afl-fuzz crashes, say) once each and prints what they throw
if (args is ["--list"])
{
    foreach (var target in FuzzTargets.All) Console.WriteLine(target.Name);
    return 0;
}
if (args is ["--seeds", var seedTarget, var directory])
{
    Directory.CreateDirectory(directory);
    var seeds = FuzzTargets.Get(seedTarget).Seeds();
    for (var i = 0; i < seeds.Count; i++) File.WriteAllBytes(Path.Combine(directory, $"seed-{i:D3}"), seeds[i]);
    Console.WriteLine($"{seeds.Count} seeds for {seedTarget} in {directory}");
    return 0;
}
if (args is ["--replay", var replayTarget, .. var files])
{
    var run = FuzzTargets.Get(replayTarget).Run;
    var failures = 0;
    foreach (var file in files)
    {
        try
        {
            run(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            failures++;
            Console.WriteLine($"{file}: {e}");
        }
    }
    Console.WriteLine($"{files.Length} inputs, {failures} threw");
    return failures == 0 ? 0 : 1;
}
if (args is [var name])
{
    var run = FuzzTargets.Get(name).Run;
    Fuzzer.Run(stream =>
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        run(memory.GetBuffer().AsSpan(0, (int)memory.Length));
    });
    return 0;
}
Console.Error.WriteLine("usage: IpHelper.Fuzz TARGET | --list | --seeds TARGET DIR | --replay TARGET FILE...");
return 2;
