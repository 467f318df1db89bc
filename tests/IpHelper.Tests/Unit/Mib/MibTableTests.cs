using System.Buffers;
using System.Runtime.CompilerServices;
using IpHelper;
using Xunit;

namespace IpHelper.Tests.Unit.Mib;

public sealed class MibTableTests
{
    private struct TestRow
    {
        public int Id;
        public long Payload;
    }

    private struct PoolProbeRow
    {
        public int Id;
    }

    private static MibTable<TestRow> BuildTable(int count)
    {
        using var builder = new MibTableBuilder<TestRow>();
        for (var i = 0; i < count; i++)
        {
            ref var row = ref builder.Add();
            row.Id = i;
            row.Payload = i * 10L;
        }
        return builder.ToTable();
    }

    [Fact]
    public void Builder_GrowsPastSeveralDoublings_KeepingEveryRow()
    {
        using var table = BuildTable(1000);
        Assert.Equal(1000, table.Count);
        Assert.Equal(1000, table.NumEntries);
        var span = table.AsSpan();
        Assert.Equal(1000, span.Length);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i, span[i].Id);
            Assert.Equal(i * 10L, table[i].Payload);
            Assert.Equal(i, table.ItemRef(i).Id);
        }
    }

    [Fact]
    public void Builder_Add_ReturnsZeroedSlot_EvenFromADirtyPooledArray()
    {
        var dirty = ArrayPool<TestRow>.Shared.Rent(16);
        dirty.AsSpan().Fill(new TestRow { Id = -1, Payload = -1 });
        ArrayPool<TestRow>.Shared.Return(dirty);
        using var builder = new MibTableBuilder<TestRow>(16);
        ref var row = ref builder.Add();
        Assert.Equal(0, row.Id);
        Assert.Equal(0, row.Payload);
    }

    [Fact]
    public void Builder_RemoveLast_DropsTheFailedRow()
    {
        using var builder = new MibTableBuilder<TestRow>();
        builder.Add().Id = 1;
        builder.Add().Id = 2;
        builder.RemoveLast();
        builder.Add().Id = 3;
        Assert.Equal(2, builder.Count);
        Assert.Equal(3, builder[1].Id);
        builder[1].Id = 4;
        using var table = builder.ToTable();
        Assert.Equal([1, 4], table.Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Builder_RemoveLastWhenEmpty_AndIndexOutOfRange_Throw()
    {
        using var builder = new MibTableBuilder<TestRow>();
        Assert.Throws<InvalidOperationException>(builder.RemoveLast);
        builder.Add();
        Assert.Throws<ArgumentOutOfRangeException>(() => builder[1].Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder[-1].Id);
    }

    [Fact]
    public void Builder_ToTable_HandsOverAndEmptiesTheBuilder()
    {
        using var builder = new MibTableBuilder<TestRow>();
        builder.Add().Id = 1;
        using var first = builder.ToTable();
        Assert.Equal(0, builder.Count);
        builder.Add().Id = 2;
        using var second = builder.ToTable();
        Assert.Equal(1, first[0].Id);
        Assert.Equal(2, second[0].Id);
        using var empty = builder.ToTable();
        Assert.Empty(empty);
    }

    [Fact]
    public void Dispose_ReturnsTheRowArrayToThePool()
    {
        using var builder = new MibTableBuilder<PoolProbeRow>(16);
        builder.Add().Id = 42;
        var table = builder.ToTable();
        ref var first = ref Unsafe.AsRef(in table.ItemRef(0));
        table.Dispose();
        var rented = ArrayPool<PoolProbeRow>.Shared.Rent(16);
        Assert.True(Unsafe.AreSame(ref rented[0], ref first));
        ArrayPool<PoolProbeRow>.Shared.Return(rented);
    }

    [Fact]
    public void Builder_DisposeWithoutToTable_ReturnsTheArrayToThePool()
    {
        var builder = new MibTableBuilder<PoolProbeRow>(16);
        ref var first = ref builder.Add();
        builder.Dispose();
        Assert.Equal(0, builder.Count);
        var rented = ArrayPool<PoolProbeRow>.Shared.Rent(16);
        Assert.True(Unsafe.AreSame(ref rented[0], ref first));
        ArrayPool<PoolProbeRow>.Shared.Return(rented);
    }

    [Fact]
    public void Enumeration_YieldsRowsInOrder()
    {
        using var table = BuildTable(40);
        var ids = new List<int>();
        foreach (var row in table) ids.Add(row.Id);
        Assert.Equal(Enumerable.Range(0, 40), ids);
        Assert.Equal(Enumerable.Range(0, 40), ((IEnumerable<TestRow>)table).Select(r => r.Id));
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        using var table = BuildTable(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.ItemRef(3).Id);
    }

    [Fact]
    public void DisposedTable_EveryMemberThrows_DisposeIsIdempotent()
    {
        var table = BuildTable(3);
        table.Dispose();
        table.Dispose();
        Assert.Throws<ObjectDisposedException>(() => table.Count);
        Assert.Throws<ObjectDisposedException>(() => table.NumEntries);
        Assert.Throws<ObjectDisposedException>(() => table[0]);
        Assert.Throws<ObjectDisposedException>(() => table.ItemRef(0).Id);
        Assert.Throws<ObjectDisposedException>(() => table.AsSpan().Length);
        Assert.Throws<ObjectDisposedException>(() => table.GetEnumerator());
        Assert.Throws<ObjectDisposedException>(() => ((IEnumerable<TestRow>)table).GetEnumerator());
    }

    [Fact]
    public void DisposingDuringEnumeration_MakesTheEnumeratorThrow()
    {
        var table = BuildTable(3);
        var enumerator = table.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        table.Dispose();
        Assert.Throws<ObjectDisposedException>(() => enumerator.MoveNext());
    }

    [Fact]
    public void FreeMibTable_DisposesTheTable_AndIgnoresNull()
    {
        var table = BuildTable(2);
        NetIo.FreeMibTable(table);
        Assert.Throws<ObjectDisposedException>(() => table.Count);
        NetIo.FreeMibTable(table);
        NetIo.FreeMibTable<MibIpForwardRow2>(null);
    }

    [Fact]
    public void EmptyTable_HasNoRows_AndDisposes()
    {
        var table = MibTable<TestRow>.Empty();
        Assert.Empty(table);
        Assert.True(table.AsSpan().IsEmpty);
        table.Dispose();
        Assert.Throws<ObjectDisposedException>(() => table.Count);
    }
}
