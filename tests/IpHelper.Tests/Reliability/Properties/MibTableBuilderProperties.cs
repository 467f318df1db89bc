using CsCheck;
using Xunit;

namespace IpHelper.Tests.Reliability.Properties;

/// <summary>MibTableBuilder against a List model: any sequence of adds and removals, from any initial capacity, keeps every row.</summary>
public sealed class MibTableBuilderProperties
{
    private const int Cases = 2000;

    /// <summary>A row bigger than a word, so that a copy that drops or tears part of it shows.</summary>
    private readonly record struct Row(long A, int B, Guid C);

    /// <summary>An operation: add a row (true) or remove the last one (false).</summary>
    private static readonly Gen<(bool Add, Row Row)> s_operation =
        Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false))).Select(Gen.Long, Gen.Int, Gen.Guid, (add, a, b, c) => (add, new Row(a, b, c)));

    [Fact]
    public void AddsAndRemovals_InAnyOrder_FromAnyCapacity_KeepTheRowsOfAList()
    {
        var count = new PropertyCount("MibTableBuilder growth");
        Gen.Select(Gen.Int[1, 40], s_operation.Array[0, 600], Gen.Bool).Sample((capacity, operations, reuse) =>
        {
            count.Add();
            using var builder = new MibTableBuilder<Row>(capacity);
            var model = new List<Row>();
            for (var round = 0; round < (reuse ? 2 : 1); round++)
            {
                foreach (var (add, row) in operations)
                {
                    if (add)
                    {
                        builder.Add() = row;
                        model.Add(row);
                    }
                    else if (model.Count > 0)
                    {
                        builder.RemoveLast();
                        model.RemoveAt(model.Count - 1);
                    }
                    else Assert.Throws<InvalidOperationException>(builder.RemoveLast);
                    Assert.Equal(model.Count, builder.Count);
                }
                for (var i = 0; i < model.Count; i++) Assert.Equal(model[i], builder[i]);
                Assert.Throws<ArgumentOutOfRangeException>(() => builder[model.Count]);

                using var table = builder.ToTable();
                Assert.Equal(model, table);
                Assert.True(table.AsSpan().SequenceEqual(model.ToArray()));
                Assert.Equal(0, builder.Count);
                model.Clear();
            }
        }, iter: Cases);
        count.Report();
    }

    [Fact]
    public void AddAfterRemoveLast_GivesAZeroedRow()
    {
        var count = new PropertyCount("MibTableBuilder zeroed slots");
        Gen.Select(Gen.Int[1, 8], Gen.Int[1, 50]).Sample((capacity, rows) =>
        {
            count.Add();
            using var builder = new MibTableBuilder<Row>(capacity);
            for (var i = 0; i < rows; i++) builder.Add() = new Row(-1, -1, Guid.NewGuid());
            for (var i = 0; i < rows; i++) builder.RemoveLast();
            for (var i = 0; i < rows; i++) Assert.Equal(default, builder.Add());
        }, iter: Cases);
        count.Report();
    }
}
