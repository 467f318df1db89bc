using System.Buffers;

namespace IpHelper;

/// <summary>
/// Builds a <see cref="MibTable{TRow}"/> in place: decoders <see cref="Add"/> a zeroed slot and fill
/// it through the returned reference, so no row is copied or boxed. The rows live in an array
/// rented from <see cref="ArrayPool{T}.Shared"/> that doubles as it fills; <see cref="ToTable"/>
/// hands it to the table, <see cref="Dispose"/> returns it if it was not handed over.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal sealed class MibTableBuilder<TRow> : IDisposable where TRow : struct
{
    private const int DefaultCapacity = 16;

    private readonly int _initialCapacity;
    private TRow[]? _rows;
    private int _count;

    /// <summary>Creates an empty builder; nothing is rented until the first <see cref="Add"/>.</summary>
    /// <param name="initialCapacity">The number of rows the first rented array holds at least.</param>
    public MibTableBuilder(int initialCapacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialCapacity);
        _initialCapacity = initialCapacity;
    }

    /// <summary>The number of rows added and not removed.</summary>
    public int Count => _count;

    /// <summary>A reference to row <paramref name="index"/>, valid until the next <see cref="Add"/>, <see cref="ToTable"/> or <see cref="Dispose"/>.</summary>
    /// <param name="index">The zero-based row index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public ref TRow this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The builder has {_count} rows.");
            return ref _rows![index];
        }
    }

    /// <summary>Appends a zeroed row and returns a reference to it, valid until the next <see cref="Add"/>, <see cref="ToTable"/> or <see cref="Dispose"/>.</summary>
    public ref TRow Add()
    {
        if (_rows is null) _rows = ArrayPool<TRow>.Shared.Rent(_initialCapacity);
        else if (_count == _rows.Length) Grow();
        ref var slot = ref _rows[_count++];
        slot = default;
        return ref slot;
    }

    /// <summary>
    /// The rented array whose first <see cref="Count"/> elements are the rows (null before the first
    /// <see cref="Add"/>); valid until the next <see cref="Add"/>, <see cref="ToTable"/> or <see cref="Dispose"/>.
    /// </summary>
    public TRow[]? RentedArray => _rows;

    /// <summary>Empties the builder and keeps its array, for a reader that hands rows out batch by batch.</summary>
    public void Clear() => _count = 0;

    /// <summary>Drops the last row, for a row that failed to decode.</summary>
    /// <exception cref="InvalidOperationException">The builder is empty.</exception>
    public void RemoveLast()
    {
        if (_count == 0) throw new InvalidOperationException("The builder has no rows.");
        _count--;
    }

    /// <summary>Hands the rows to a new table; the builder is empty afterwards and can be reused.</summary>
    public MibTable<TRow> ToTable()
    {
        if (_rows is null) return MibTable<TRow>.Empty();
        var table = new MibTable<TRow>(_rows, _count);
        _rows = null;
        _count = 0;
        return table;
    }

    /// <summary>Returns the rented array to the pool unless <see cref="ToTable"/> handed it over; the builder is empty afterwards.</summary>
    public void Dispose()
    {
        if (_rows is not null) ArrayPool<TRow>.Shared.Return(_rows);
        _rows = null;
        _count = 0;
    }

    private void Grow()
    {
        var bigger = ArrayPool<TRow>.Shared.Rent(_rows!.Length * 2);
        _rows.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<TRow>.Shared.Return(_rows);
        _rows = bigger;
    }
}
