using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Namespaces;

/// <summary>
/// Scopes across iterators, where .NET cannot carry a scope: these tests pin down exactly what
/// docs/namespaces.md and <see cref="NetNamespace"/> say happens, so a change of behaviour is noticed.
/// </summary>
[Collection(typeof(NonParallelCollection))]
public sealed class NamespaceIteratorTests
{
    /// <summary>
    /// An async iterator runs each step in the consumer's ExecutionContext: the scope entered inside it
    /// covers its first step only; after the first <c>yield return</c> the iterator and the consumer's
    /// loop body act on the consumer's namespace.
    /// </summary>
    [RootFact]
    public async Task ScopesAcrossIterators_AsyncIteratorYieldingInsideAScope_AfterTheYieldActsOnTheConsumersNamespace()
    {
        using var ns = new TestNetns();
        var host = NetNamespace.CurrentInode;
        var inIterator = new List<ulong>();
        var inBody = new List<ulong>();

        await foreach (var inode in StepsAsync(ns))
        {
            inIterator.Add(inode);
            inBody.Add(NetNamespace.CurrentInode);
        }

        Assert.Equal([ns.Inode, host, host], inIterator);
        Assert.Equal([host, host, host], inBody);
        Assert.Null(NetNamespace.Current);
    }

    private static async IAsyncEnumerable<ulong> StepsAsync(TestNetns ns)
    {
        using (ns.Enter())
        {
            yield return NetNamespace.CurrentInode;
            await Task.Yield();
            yield return NetNamespace.CurrentInode;
            yield return NetNamespace.CurrentInode;
        }
    }

    /// <summary>
    /// A synchronous iterator runs on the consumer's thread without an ExecutionContext switch: the scope
    /// entered inside it is current in the consumer's loop body until the iterator ends and disposes it.
    /// </summary>
    [RootFact]
    public void ScopesAcrossIterators_SyncIteratorYieldingInsideAScope_IsCurrentInTheConsumersLoopBody()
    {
        using var ns = new TestNetns();
        var host = NetNamespace.CurrentInode;
        var inBody = new List<ulong>();

        foreach (var _ in Steps(ns)) inBody.Add(NetNamespace.CurrentInode);

        Assert.Equal([ns.Inode, ns.Inode], inBody);
        Assert.Equal(host, NetNamespace.CurrentInode);
        Assert.Null(NetNamespace.Current);
    }

    private static IEnumerable<int> Steps(TestNetns ns)
    {
        using (ns.Enter())
        {
            yield return 1;
            yield return 2;
        }
    }
}
