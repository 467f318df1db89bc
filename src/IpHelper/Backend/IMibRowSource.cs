namespace IpHelper;

/// <summary>
/// What a backend hands <see cref="MibRowStream{TRow}"/>: the rows of a table in batches (on Linux, one
/// netlink datagram's rows each), read only when the caller asks for more. Single consumer.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal interface IMibRowSource<TRow> : IDisposable where TRow : struct
{
    /// <summary>
    /// The next batch: the first <paramref name="count"/> elements of <paramref name="rows"/>, valid until the
    /// next call or <see cref="IDisposable.Dispose"/>. Success with a count of 0 at the end; a failure (which
    /// the stream records for its reader) when the rows end early.
    /// </summary>
    BackendResult Next(out TRow[] rows, out int count);

    /// <summary>True once the table changed under the read after rows had been handed out (see <see cref="MibRowStream{TRow}.Interrupted"/>).</summary>
    bool Interrupted { get; }
}
