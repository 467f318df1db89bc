using System.Buffers;
using System.Collections;

namespace IpHelper;

/// <summary>
/// A table of MIB rows, as every Get*Table function returns it (MIB_*_TABLE on Windows). The rows
/// live in one array rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Dispose"/> (or
/// <see cref="NetIo.FreeMibTable{TRow}(MibTable{TRow}?)"/>) returns it to the pool. After that
/// every member throws <see cref="ObjectDisposedException"/>, and spans or references taken
/// from the table before must no longer be used.
/// </summary>
/// <typeparam name="TRow">The row type, such as <see cref="MibIpForwardRow2"/>.</typeparam>
public sealed class MibTable<TRow> : IReadOnlyList<TRow>, IDisposable where TRow : struct
{
    private TRow[]? _rows;
    private readonly int _count;

    /// <summary>Takes ownership of <paramref name="rentedArray"/>, whose first <paramref name="count"/> elements are the rows.</summary>
    /// <param name="rentedArray">An array rented from <see cref="ArrayPool{T}.Shared"/>, or an empty array (which is never returned to the pool).</param>
    /// <param name="count">The number of rows.</param>
    internal MibTable(TRow[] rentedArray, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, rentedArray.Length);
        _rows = rentedArray;
        _count = count;
    }

    /// <summary>A table without rows that holds no pooled array.</summary>
    internal static MibTable<TRow> Empty() => new([], 0);

    /// <summary>The number of rows (NumEntries of the Windows table).</summary>
    /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
    public int NumEntries => Count;

    /// <summary>The number of rows.</summary>
    /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
    public int Count
    {
        get
        {
            ObjectDisposedException.ThrowIf(_rows is null, this);
            return _count;
        }
    }

    /// <summary>A copy of the row at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based row index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
    public TRow this[int index] => ItemRef(index);

    /// <summary>A read-only reference to the row at <paramref name="index"/>, without copying it; valid until the table is disposed.</summary>
    /// <param name="index">The zero-based row index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
    public ref readonly TRow ItemRef(int index)
    {
        var rows = Rows;
        if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The table has {_count} rows.");
        return ref rows[index];
    }

    /// <summary>The rows, without copying; valid until the table is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
    public ReadOnlySpan<TRow> AsSpan() => new(Rows, 0, _count);

    /// <summary>An enumerator over copies of the rows, in table order.</summary>
    /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
    public Enumerator GetEnumerator()
    {
        ObjectDisposedException.ThrowIf(_rows is null, this);
        return new Enumerator(this);
    }

    IEnumerator<TRow> IEnumerable<TRow>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns the rows to the pool. Calling it again does nothing.</summary>
    public void Dispose()
    {
        var rows = Interlocked.Exchange(ref _rows, null);
        if (rows is { Length: > 0 }) ArrayPool<TRow>.Shared.Return(rows);
    }

    private TRow[] Rows
    {
        get
        {
            var rows = _rows;
            ObjectDisposedException.ThrowIf(rows is null, this);
            return rows;
        }
    }

    /// <summary>Enumerates the rows of a <see cref="MibTable{TRow}"/> without allocating.</summary>
    public struct Enumerator : IEnumerator<TRow>
    {
        private readonly MibTable<TRow> _table;
        private int _index;

        internal Enumerator(MibTable<TRow> table)
        {
            _table = table;
            _index = -1;
        }

        /// <summary>A copy of the current row.</summary>
        /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
        public readonly TRow Current => _table.ItemRef(_index);

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next row.</summary>
        /// <returns>False after the last row.</returns>
        /// <exception cref="ObjectDisposedException">The table was disposed.</exception>
        public bool MoveNext()
        {
            if (_index + 1 >= _table.Count) return false;
            _index++;
            return true;
        }

        /// <summary>Moves back to before the first row.</summary>
        public void Reset() => _index = -1;

        /// <summary>Does nothing; the table owns the rows.</summary>
        public readonly void Dispose()
        {
        }
    }
}
