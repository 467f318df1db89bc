namespace IpHelper;

/// <summary>
/// The rows of a table handed out as they are read, instead of all at once: an IpHelper extension beyond
/// the Windows API (iphlpapi has only whole tables), returned by <see cref="NetIo.EnumerateIpForwardTable2"/>.
/// On Linux the rows of each netlink datagram are decoded when the caller asks for them, so memory does not
/// grow with the table and the first row is available before the kernel has sent the last; on Windows the
/// backend reads the whole table and hands its rows out one by one.
/// <para>
/// Use it with <c>foreach (ref readonly var row in stream)</c> (no row is copied or allocated) or with
/// <see cref="MoveNext"/> and <see cref="Current"/>; read <see cref="Status"/> and <see cref="Interrupted"/>
/// when the rows end. Leaving the loop early (break, an exception) disposes the stream, which ends the
/// kernel's dump at once. One consumer at a time; a stream is read once.
/// </para>
/// </summary>
/// <typeparam name="TRow">The row type, such as <see cref="MibIpForwardRow2"/>.</typeparam>
public sealed class MibRowStream<TRow> : IDisposable where TRow : struct
{
    private IMibRowSource<TRow>? _source;
    private TRow[] _batch = [];
    private int _count;
    private int _index = -1;
    private bool _interrupted;

    internal MibRowStream(IMibRowSource<TRow> source) => _source = source;

    /// <summary>
    /// Success while rows come and after the last one; otherwise the failure that ended the rows early (for
    /// example GenFailure when the kernel connection failed mid-dump). <see cref="NetIo.LastErrorDetail"/> of
    /// the thread that called <see cref="MoveNext"/> then holds its reason.
    /// </summary>
    public NetIoStatus Status { get; private set; }

    /// <summary>
    /// True when the table changed while it was read and rows had already been handed out, so the rows
    /// read may miss a route or repeat one (the kernel flagged the dump NLM_F_DUMP_INTR; for IPv6, a route
    /// change notification arrived during the dump; or a route named an interface that appeared after the
    /// stream took its snapshot of the interfaces, and was left out). Read it again for a consistent table.
    /// A change seen before the first row of a dump was handed out is not reported: that dump is repeated.
    /// </summary>
    public bool Interrupted => _source?.Interrupted ?? _interrupted;

    /// <summary>The current row, valid until the next <see cref="MoveNext"/> or <see cref="Dispose"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="MoveNext"/> was not called, or returned false.</exception>
    public ref readonly TRow Current
    {
        get
        {
            if ((uint)_index >= (uint)_count) throw new InvalidOperationException("There is no current row: call MoveNext first, and only while it returns true.");
            return ref _batch[_index];
        }
    }

    /// <summary>
    /// Advances to the next row, reading the next batch from the kernel when the current one is used up.
    /// False at the end, when a failure ended the rows (<see cref="Status"/>), or after <see cref="Dispose"/>.
    /// </summary>
    public bool MoveNext()
    {
        if (++_index < _count) return true;
        return NextBatch();
    }

    /// <summary>An enumerator for <c>foreach (ref readonly var row in stream)</c>; ending the loop disposes the stream.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Ends the read: a dump still in progress is abandoned (its socket closed), pooled buffers are returned. <see cref="Status"/> and <see cref="Interrupted"/> stay readable.</summary>
    public void Dispose()
    {
        if (_source is null) return;
        _interrupted = _source.Interrupted;
        _batch = [];
        _count = 0;
        _index = 0;
        var source = _source;
        _source = null;
        source.Dispose();
    }

    private bool NextBatch()
    {
        if (_source is null) return false;
        var result = _source.Next(out var rows, out var count);
        if (result != NetIoStatus.Success || count == 0)
        {
            // The reader's last error says why the rows ended early; a normal end leaves it alone.
            if (result != NetIoStatus.Success) Status = NetIo.Record(result);
            Dispose();
            return false;
        }
        _batch = rows;
        _count = count;
        _index = 0;
        return true;
    }

    /// <summary>The enumerator of <see cref="GetEnumerator"/>: each row by reference, without copying.</summary>
    public readonly struct Enumerator : IDisposable
    {
        private readonly MibRowStream<TRow> _stream;

        internal Enumerator(MibRowStream<TRow> stream) => _stream = stream;

        /// <summary>The current row (see <see cref="MibRowStream{TRow}.Current"/>).</summary>
        public ref readonly TRow Current => ref _stream.Current;

        /// <summary>Advances to the next row (see <see cref="MibRowStream{TRow}.MoveNext"/>).</summary>
        public bool MoveNext() => _stream.MoveNext();

        /// <summary>Disposes the stream: the loop ended, normally or early.</summary>
        public void Dispose() => _stream.Dispose();
    }
}
