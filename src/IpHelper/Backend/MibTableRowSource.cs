using System.Buffers;

namespace IpHelper;

/// <summary>
/// A row source over a whole table already read (the Windows backend's streams, and any backend without a
/// streaming reader): the rows are handed out in batches copied from the table, which it disposes at the end.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal sealed class MibTableRowSource<TRow>(MibTable<TRow> table) : IMibRowSource<TRow> where TRow : struct
{
    private const int BatchRows = 256;

    private MibTable<TRow>? _table = table;
    private TRow[]? _batch;
    private int _next;

    /// <summary>Always false: the table was read whole, as its backend reads it.</summary>
    public bool Interrupted => false;

    public BackendResult Next(out TRow[] rows, out int count)
    {
        rows = [];
        count = 0;
        if (_table is null) return BackendResult.Success;
        var left = _table.AsSpan()[_next..];
        if (left.IsEmpty)
        {
            Dispose();
            return BackendResult.Success;
        }
        _batch ??= ArrayPool<TRow>.Shared.Rent(BatchRows);
        count = Math.Min(left.Length, _batch.Length);
        left[..count].CopyTo(_batch);
        _next += count;
        rows = _batch;
        return BackendResult.Success;
    }

    public void Dispose()
    {
        _table?.Dispose();
        _table = null;
        if (_batch is not null) ArrayPool<TRow>.Shared.Return(_batch);
        _batch = null;
    }
}
