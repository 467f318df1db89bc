using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel;

[Collection(typeof(NonParallelCollection))]
public sealed class NetNamespaceLeakTests(ITestOutputHelper output)
{
    private const int Cycles = 1000;
    private const int Slack = 2;

    [RootFact]
    public void EnterAndDispose_ThousandTimes_LeavesNoThreadOrDescriptor()
    {
        using var ns = new TestNetns();
        Cycle(ns);
        int fdsBefore = DescriptorCount();
        int threadsBefore = ThreadCount();

        for (int i = 0; i < Cycles; i++) Cycle(ns);

        int fdsAfter = DescriptorCount();
        int threadsAfter = SettledThreadCount(threadsBefore);
        output.WriteLine($"descriptors {fdsBefore} -> {fdsAfter}, threads {threadsBefore} -> {threadsAfter} after {Cycles} cycles");
        Assert.InRange(fdsAfter, 0, fdsBefore + Slack);
        Assert.InRange(threadsAfter, 0, threadsBefore + Slack);
    }

    private static void Cycle(TestNetns ns)
    {
        using NetNamespaceScope scope = NetNamespace.Enter(ns.Name);
        Assert.Equal(ns.Inode, TestBackend.Context.Run(() => TestNetns.LinkInode("/proc/thread-self/ns/net")));
    }

    private static int DescriptorCount() => Directory.GetFileSystemEntries("/proc/self/fd").Length;

    private static int ThreadCount()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal));
        return int.Parse(line["Threads:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A joined thread may take a moment to leave the kernel's task list: wait up to a second for it.</summary>
    private static int SettledThreadCount(int expected)
    {
        int count = ThreadCount();
        for (int i = 0; i < 100 && count > expected + Slack; i++)
        {
            Thread.Sleep(10);
            count = ThreadCount();
        }

        return count;
    }
}
