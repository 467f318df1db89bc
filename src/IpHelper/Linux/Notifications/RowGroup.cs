namespace IpHelper.Linux.Notifications;

/// <summary>
/// The rows of one group of a view: almost always one (kept inline), more when Linux holds several
/// kernel rows under one group key (a prefix through several next hops or at several metrics).
/// </summary>
internal readonly struct RowGroup<TRow> where TRow : struct
{
    private readonly TRow _first;
    private readonly TRow[]? _more;

    private RowGroup(in TRow first, TRow[]? more)
    {
        _first = first;
        _more = more;
    }

    public TRow First => _first;

    public static RowGroup<TRow> Of(in TRow row) => new(row, null);

    /// <summary>The group of <paramref name="rows"/> (at least one).</summary>
    public static RowGroup<TRow> Of(List<TRow> rows) =>
        new(rows[0], rows.Count == 1 ? null : rows.GetRange(1, rows.Count - 1).ToArray());

    /// <summary>This group with <paramref name="row"/> added.</summary>
    public RowGroup<TRow> With(in TRow row) => new(_first, _more is null ? [row] : [.. _more, row]);

    public void CopyTo(List<TRow> rows)
    {
        rows.Add(_first);
        if (_more is not null) rows.AddRange(_more);
    }
}
