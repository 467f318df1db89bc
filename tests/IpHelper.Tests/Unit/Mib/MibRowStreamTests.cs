using Xunit;

namespace IpHelper.Tests.Unit.Mib;

/// <summary>MibRowStream over a whole table (the Windows backend's source): batches, early end, and the current row's lifetime.</summary>
public sealed class MibRowStreamTests
{
    private static MibRowStream<MibIpForwardRow2> Over(int count)
    {
        var rows = System.Buffers.ArrayPool<MibIpForwardRow2>.Shared.Rent(count);
        for (var i = 0; i < count; i++) rows[i].InterfaceIndex = (uint)i + 1;
        return new MibRowStream<MibIpForwardRow2>(new MibTableRowSource<MibIpForwardRow2>(new MibTable<MibIpForwardRow2>(rows, count)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(1000)]
    public void Foreach_HandsOutEveryRowInOrder_AcrossBatches(int count)
    {
        var stream = Over(count);
        var seen = new List<uint>();

        foreach (ref readonly var row in stream) seen.Add(row.InterfaceIndex);

        Assert.Equal(Enumerable.Range(1, count).Select(i => (uint)i), seen);
        Assert.Equal(NetIoStatus.Success, stream.Status);
        Assert.False(stream.Interrupted);
        Assert.False(stream.MoveNext());
    }

    [Fact]
    public void Current_BeforeMoveNext_Throws()
    {
        using var stream = Over(3);

        Assert.Throws<InvalidOperationException>(() => stream.Current.InterfaceIndex);
    }

    [Fact]
    public void BreakingOutOfForeach_DisposesTheStream()
    {
        var stream = Over(1000);

        foreach (ref readonly var row in stream)
        {
            Assert.Equal(1u, row.InterfaceIndex);
            break;
        }

        Assert.False(stream.MoveNext());
        Assert.Throws<InvalidOperationException>(() => stream.Current.InterfaceIndex);
        Assert.Equal(NetIoStatus.Success, stream.Status);
    }
}
