using System.Net.Sockets;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// One notification registration in one namespace. It holds a reference to the namespace's context, is
/// fed by the namespace's shared notification socket (<see cref="NamespaceEvents"/>, read by the one
/// <see cref="NotificationPump"/> thread), keeps the subscriber's view of the table, and decodes and
/// calls back on the thread pool, one batch at a time.
/// <list type="bullet">
/// <item>The view (<see cref="MirrorView{TKey, TRow}"/>) holds what the subscriber was told, by Windows key: a change that keeps a row's key is MibParameterNotification, one that changes it is MibDeleteInstance of the old row and MibAddInstance of the new.</item>
/// <item>When the kernel removes rows without a notification (IPv4 routes of a link that went down, routes of a removed address), the source asks for a rescan: once the notifications queued so far are applied (at most <see cref="RescanDelayMs"/> later while they keep coming), the family's table is re-read and every difference from the view is delivered.</item>
/// <item>Callbacks run one at a time, in kernel order (never two of one registration at once; successive ones may run on different pool threads).</item>
/// <item>On an overrun (the kernel dropped notifications of the namespace, or this registration's queue passed <see cref="MaxQueuedBytes"/> because its callbacks are slow) the table is re-read and the differences from the view are delivered, so a subscriber that applies every callback ends with the kernel's table. A slow subscriber costs bounded memory and a resync, never a silent drop.</item>
/// <item>Cancel waits for a running callback and no callback starts after it returns; called from inside a callback it returns at once and no further callback starts.</item>
/// <item>An exception thrown by a callback does not end the registration: it goes to <see cref="NetIo.NotificationCallbackFailed"/>.</item>
/// <item>The registration holds its namespace's context: the scope it was made in may be disposed first.</item>
/// <item>When the namespace is deleted (<see cref="NamespaceContext.IsGone"/>, checked once a second) every row of the view is delivered as MibDeleteInstance and the registration ends with <see cref="NotificationHandle.EndStatus"/> BadNetName.</item>
/// <item>Nothing escapes to a background thread: a failure the registration cannot recover from ends it, with the failure's status as its EndStatus.</item>
/// </list>
/// </summary>
internal sealed class ChangeSubscription<TKey, TRow> : NotificationHandle, IEventSink where TKey : notnull where TRow : struct
{
    /// <summary>How much undelivered notification data one registration may hold before it is treated as an overrun.</summary>
    internal const int MaxQueuedBytes = 4 << 20;

    /// <summary>The longest a requested rescan waits for the registration's queue to empty.</summary>
    internal const long RescanDelayMs = 200;

    /// <summary>The longest a resync waits for a flood of notifications to end before it re-reads the table anyway.</summary>
    internal const int ResyncQuietWaitMs = 2000;

    /// <summary>The stream counts as quiet when fewer notifications than this arrive in <see cref="QuietWindowMs"/>.</summary>
    private const int QuietNotifications = 64;

    private const int QuietWindowMs = 25;

    private readonly NamespaceContext _context;
    private readonly IChangeSource<TKey, TRow> _source;
    private readonly AddressFamily _family;
    private readonly ChangeCallback<TRow> _callback;
    private readonly Action? _onResync;
    private readonly int _maxQueuedBytes;
    private readonly MirrorView<TKey, TRow> _view;
    private readonly Action<TRow?, MibNotificationType> _deliver;
    private readonly ChangeList<TRow> _changes = new();

    /// <summary>Families to re-read once the queue is empty (touched by the drain only).</summary>
    private bool _rescanIPv4, _rescanIPv6;
    private long _rescanSince;
    private long _rescans;

    /// <summary>Held while a callback runs: Cancel takes it to wait for the callback.</summary>
    private readonly object _dispatch = new();

    /// <summary>Guards the queue and the flags below.</summary>
    private readonly Lock _queueLock = new();
    private readonly Queue<QueuedMessage> _queue = new();
    private int _queuedBytes;
    private bool _overrun, _gone, _started, _draining, _released;
    private int _droppedSinceOverrun;
    private volatile bool _cancelled;
    private long _resyncs;

    private ChangeSubscription(NamespaceContext context, IChangeSource<TKey, TRow> source, AddressFamily family, ChangeCallback<TRow> callback,
        Action? onResync, int maxQueuedBytes)
    {
        _context = context;
        _source = source;
        _family = family;
        _callback = callback;
        _onResync = onResync;
        _maxQueuedBytes = maxQueuedBytes;
        _view = new MirrorView<TKey, TRow>(source);
        _deliver = Deliver;
    }

    public override long Resyncs => Interlocked.Read(ref _resyncs);

    /// <summary>How many times a silent removal made the registration re-read a family's table.</summary>
    internal long Rescans => Interlocked.Read(ref _rescans);

    /// <summary>How many row groups the view holds (the mirror state is proportional to it).</summary>
    internal int ViewCount => _view.Count;

    public override bool IsCancelled => _cancelled;

    /// <summary>
    /// Registers in <paramref name="context"/>'s namespace: joins the groups first, then reads the table
    /// (so no change falls between the two), delivers MibInitialNotification on the calling thread when
    /// asked, then starts delivering changes.
    /// </summary>
    public static BackendResult Start(NamespaceContext context, IChangeSource<TKey, TRow> source, AddressFamily family, ChangeCallback<TRow> callback,
        bool initialNotification, out ChangeSubscription<TKey, TRow>? subscription, Action? onResync = null, int maxQueuedBytes = MaxQueuedBytes)
    {
        subscription = null;
        try
        {
            context.AddReference();
        }
        catch (ObjectDisposedException)
        {
            return BackendResult.Fail(NetIoStatus.BadNetName, "the network namespace's context is closed");
        }
        var created = new ChangeSubscription<TKey, TRow>(context, source, family, callback, onResync, maxQueuedBytes);
        BackendResult status;
        try
        {
            context.Events.Add(created, source.Groups(family));
            status = source.Read(family, out var table);
            if (status == NetIoStatus.Success)
                using (table)
                    created._view.Load(table!.AsSpan());
        }
        catch (NetlinkException e)
        {
            status = BackendResult.Fail(e.Detail);
        }
        if (status != NetIoStatus.Success)
        {
            created._cancelled = true;
            context.Events.Remove(created);
            created.Release();
            return status;
        }
        if (initialNotification) created.Deliver(null, MibNotificationType.MibInitialNotification);
        lock (created._queueLock) created._started = true;
        created.Schedule();
        subscription = created;
        return BackendResult.Success;
    }

    internal override bool Cancel()
    {
        lock (_dispatch)
        {
            if (_cancelled) return false;
            _cancelled = true;
        }
        _context.Events.Remove(this);
        bool release;
        lock (_queueLock)
        {
            _queue.Clear();
            release = !_draining;
        }
        if (release) Release();
        return true;
    }

    public void Post(QueuedMessage message)
    {
        lock (_queueLock)
        {
            if (_overrun)
            {
                _droppedSinceOverrun++;
                return;
            }
            if (_queuedBytes + message.Size > _maxQueuedBytes)
            {
                // A slow subscriber: drop what waits and re-read the table when it catches up.
                MarkOverrun();
            }
            else
            {
                _queue.Enqueue(message);
                _queuedBytes += message.Size;
            }
        }
        Schedule();
    }

    public void Overrun()
    {
        lock (_queueLock) MarkOverrun();
        Schedule();
    }

    public void NamespaceGone()
    {
        lock (_queueLock) _gone = true;
        Schedule();
    }

    private void MarkOverrun()
    {
        _overrun = true;
        _queue.Clear();
        _queuedBytes = 0;
    }

    /// <summary>Queues a drain on the thread pool unless one is queued or running, or the registration is not started yet.</summary>
    private void Schedule()
    {
        lock (_queueLock)
        {
            if (!_started || _draining || _cancelled) return;
            if (_queue.Count == 0 && !_overrun && !_gone) return;
            _draining = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static state => ((ChangeSubscription<TKey, TRow>)state!).Drain(), this);
    }

    /// <summary>Thread pool: applies what is queued, in order, until nothing is.</summary>
    private void Drain()
    {
        try
        {
            while (!_cancelled)
            {
                QueuedMessage? message = null;
                bool overrun, gone, idle = false;
                var rescan = _rescanIPv4 || _rescanIPv6;
                lock (_queueLock)
                {
                    overrun = _overrun;
                    gone = _gone;
                    _overrun = false;
                    if (!overrun && !gone && _queue.TryDequeue(out message)) _queuedBytes -= message.Size;
                    if (!overrun && !gone && message is null && !rescan)
                    {
                        _draining = false;
                        idle = true;
                    }
                }
                if (idle)
                {
                    // A Cancel that saw this drain running left the release to it.
                    if (_cancelled) Release();
                    return;
                }
                if (gone)
                {
                    EndWithNamespace();
                    return;
                }
                if (overrun)
                {
                    Resync();
                    continue;
                }
                if (message is null)
                {
                    // The queue is empty: what the kernel removed silently so far is in the table now.
                    Rescan();
                    continue;
                }
                _source.OnMessage(message.Message, _family, _changes);
                for (var i = 0; i < _changes.Count && !_cancelled; i++)
                {
                    var (row, kind) = _changes[i];
                    _view.Apply(row, kind, _deliver);
                }
                if (_changes.RescanIPv4 || _changes.RescanIPv6)
                {
                    if (!rescan) _rescanSince = Environment.TickCount64;
                    _rescanIPv4 |= _changes.RescanIPv4;
                    _rescanIPv6 |= _changes.RescanIPv6;
                }
                _changes.Clear();
                if ((_rescanIPv4 || _rescanIPv6) && Environment.TickCount64 - _rescanSince >= RescanDelayMs) Rescan();
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to a pool thread: the registration ends and says why.
            EndStatus = e is NetlinkException failure ? failure.Status : NetIoStatus.GenFailure;
            lock (_dispatch) _cancelled = true;
            _context.Events.Remove(this);
        }
        lock (_queueLock) _draining = false;
        if (_cancelled) Release();
    }

    /// <summary>The namespace was deleted: its tables are gone, so is every row the subscriber was told of.</summary>
    private void EndWithNamespace()
    {
        _view.DeleteAll(_deliver);
        EndStatus = NetIoStatus.BadNetName;
        lock (_dispatch) _cancelled = true;
        _context.Events.Remove(this);
        lock (_queueLock) _draining = false;
        Release();
    }

    /// <summary>
    /// Re-reads the families whose rows the kernel may have removed silently and delivers the
    /// differences. A read that fails is tried again after the next notification, or at once when none comes.
    /// </summary>
    private void Rescan()
    {
        var family = _rescanIPv4 && _rescanIPv6 ? AddressFamily.Unspecified
            : _rescanIPv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        if (_family != AddressFamily.Unspecified) family = _family;
        if (_source.Read(family, out var table) != NetIoStatus.Success)
        {
            _rescanSince = Environment.TickCount64;
            Thread.Sleep(100);
            return;
        }
        _rescanIPv4 = _rescanIPv6 = false;
        Interlocked.Increment(ref _rescans);
        using (table) _view.Reconcile(table!.AsSpan(), family, _deliver);
    }

    /// <summary>
    /// Re-reads the table and delivers the differences. Notifications queued before the read are older
    /// than it and were dropped with the overrun; those queued during it are applied after, which can
    /// only repeat a state the read already showed.
    /// </summary>
    private void Resync()
    {
        WaitForQuiet();
        if (_source.Read(_family, out var fresh) != NetIoStatus.Success)
        {
            // Try again with the next drain (the next notification, or the next overrun).
            lock (_queueLock) _overrun = true;
            Thread.Sleep(100);
            return;
        }
        _rescanIPv4 = _rescanIPv6 = false;
        Interlocked.Increment(ref _resyncs);
        _onResync?.Invoke();
        using (fresh) _view.Reconcile(fresh!.AsSpan(), _family, _deliver);
    }

    /// <summary>
    /// Waits, at most <see cref="ResyncQuietWaitMs"/>, until notifications stop flooding in. An overrun
    /// mostly comes from a flood, and a table read during one is wasted: what arrives meanwhile is dropped
    /// anyway (the registration is in overrun until the read), and the kernel's IPv6 route walk, resumed
    /// after every change, then costs time quadratic in the table's size and slows the writers it races.
    /// </summary>
    private void WaitForQuiet()
    {
        var waited = 0;
        while (!_cancelled && waited < ResyncQuietWaitMs)
        {
            lock (_queueLock)
            {
                _overrun = true;
                _droppedSinceOverrun = 0;
            }
            Thread.Sleep(QuietWindowMs);
            waited += QuietWindowMs;
            lock (_queueLock)
                if (_droppedSinceOverrun < QuietNotifications || _gone) break;
        }
        lock (_queueLock)
        {
            // Notifications from here on are queued again: they are newer than the read that follows.
            _overrun = false;
            _queue.Clear();
            _queuedBytes = 0;
        }
    }

    private void Deliver(TRow? row, MibNotificationType type)
    {
        lock (_dispatch)
        {
            if (_cancelled) return;
            try
            {
                _callback(row, type);
            }
            catch (Exception e)
            {
                NetIo.ReportCallbackFailure(e);
            }
        }
    }

    /// <summary>Gives the context reference back, once.</summary>
    private void Release()
    {
        lock (_queueLock)
        {
            if (_released) return;
            _released = true;
        }
        _context.Release();
    }
}
