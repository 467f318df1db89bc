using System.Net.Sockets;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// One notification registration in one namespace: a notification socket joined to the table's groups,
/// opened in the namespace, a reference to the namespace's context (whose pooled request sockets re-read
/// the table), and one thread that receives, keeps the subscriber's view of the table, and calls back.
/// <list type="bullet">
/// <item>The view (<see cref="MirrorView{TKey, TRow}"/>) holds what the subscriber was told, by Windows key: a change that keeps a row's key is MibParameterNotification, one that changes it is MibDeleteInstance of the old row and MibAddInstance of the new.</item>
/// <item>When the kernel removes rows without a notification (IPv4 routes of a link that went down, routes of a removed address), the source asks for a rescan: once the notifications queued so far are applied (at most <see cref="RescanDelayMs"/> later), the family's table is re-read and every difference from the view is delivered.</item>
/// <item>Callbacks run one at a time, in kernel order, on the registration's thread.</item>
/// <item>On ENOBUFS (the kernel dropped notifications) the table is re-read and the differences from the view are delivered, so a subscriber that applies every callback ends with the kernel's table.</item>
/// <item>Cancel waits for a running callback and no callback starts after it returns; called from inside a callback it returns at once and no further callback starts.</item>
/// <item>An exception thrown by a callback does not end the registration: it goes to <see cref="NetIo.NotificationCallbackFailed"/>.</item>
/// <item>The registration holds its namespace's context: the scope it was made in may be disposed first.</item>
/// <item>When the namespace is deleted (<see cref="NamespaceContext.IsGone"/>, checked once a second) every row of the view is delivered as MibDeleteInstance and the registration ends with <see cref="NotificationHandle.EndStatus"/> BadNetName.</item>
/// <item>Nothing escapes the thread: a failure the registration cannot recover from ends it, with the failure's status as its EndStatus.</item>
/// </list>
/// </summary>
internal sealed class ChangeSubscription<TKey, TRow> : NotificationHandle where TKey : notnull where TRow : struct
{
    /// <summary>
    /// The kernel receive buffer of a registration's socket: the most kernel memory its queued
    /// notifications may take. A burst beyond it is an overrun, made up for by a resync.
    /// </summary>
    internal const int ReceiveBufferBytes = 1 << 20;

    /// <summary>The longest a requested rescan waits for the notification queue to empty.</summary>
    internal const long RescanDelayMs = 200;

    private static readonly TimeSpan s_wakeInterval = TimeSpan.FromMilliseconds(100);
    private const long GoneCheckIntervalMs = 1000;

    private readonly NamespaceContext _context;
    private readonly IChangeSource<TKey, TRow> _source;
    private readonly AddressFamily _family;
    private readonly ChangeCallback<TRow> _callback;
    private readonly Action? _onResync;
    private readonly NetlinkSocket _events;
    private readonly MirrorView<TKey, TRow> _view;
    private readonly Action<TRow?, MibNotificationType> _deliver;
    private readonly object _dispatch = new();
    private readonly WakeSignal _wake;
    private Thread? _thread;
    private volatile bool _cancelled;
    private long _resyncs;
    private long _rescans;
    private bool _rescanIPv4, _rescanIPv6;
    private long _rescanSince;

    private ChangeSubscription(NamespaceContext context, IChangeSource<TKey, TRow> source, AddressFamily family, ChangeCallback<TRow> callback,
        Action? onResync, NetlinkSocket events, WakeSignal wake)
    {
        _context = context;
        _source = source;
        _family = family;
        _callback = callback;
        _onResync = onResync;
        _events = events;
        _wake = wake;
        _events.Wake = _wake;
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
    public static NetIoStatus Start(NamespaceContext context, IChangeSource<TKey, TRow> source, AddressFamily family, ChangeCallback<TRow> callback,
        bool initialNotification, out ChangeSubscription<TKey, TRow>? subscription, Action? onResync = null,
        int receiveBufferBytes = ReceiveBufferBytes)
    {
        subscription = null;
        NetlinkSocket? events = null;
        WakeSignal? wake = null;
        try
        {
            context.AddReference();
        }
        catch (ObjectDisposedException)
        {
            return NetIo.Fail(NetIoStatus.BadNetName, "the network namespace's context is closed");
        }
        try
        {
            events = context.OpenSubscriber(source.Groups(family), receiveBufferBytes);
            wake = WakeSignal.Create();
        }
        catch (NetIoException e)
        {
            events?.Dispose();
            context.Release();
            return NetIo.Fail(e.Detail);
        }
        var created = new ChangeSubscription<TKey, TRow>(context, source, family, callback, onResync, events, wake);
        NetIoStatus status;
        try
        {
            status = source.Read(family, out var table);
            if (status == NetIoStatus.Success)
                using (table)
                    created._view.Load(table!.AsSpan());
        }
        catch (NetIoException e)
        {
            status = NetIo.Fail(e.Detail);
        }
        if (status != NetIoStatus.Success)
        {
            created.Close();
            return status;
        }
        if (initialNotification) created.Deliver(null, MibNotificationType.MibInitialNotification);
        // UnsafeStart: the thread must not inherit the registering flow's scope (it may be disposed long before).
        created._thread = new Thread(created.Run) { IsBackground = true, Name = $"IpHelper {source.TableName} notifications" };
        created._thread.UnsafeStart();
        subscription = created;
        return NetIo.Ok();
    }

    internal override bool Cancel()
    {
        lock (_dispatch)
        {
            if (_cancelled) return false;
            _cancelled = true;
        }
        try
        {
            _wake.Set();
        }
        catch (ObjectDisposedException)
        {
            // The thread ended (cancelled at the end of a receive slice, or its namespace was deleted) and closed itself first.
        }
        // From inside a callback the thread is ours: it stops after the callback returns and closes itself.
        if (Thread.CurrentThread != _thread) _thread?.Join();
        return true;
    }

    private void Run()
    {
        try
        {
            Receive();
        }
        catch (Exception e)
        {
            // Nothing may escape a background thread: the registration ends and says why.
            EndStatus = e is NetIoException failure ? failure.Status : NetIoStatus.GenFailure;
            lock (_dispatch) _cancelled = true;
        }
        finally
        {
            Close();
        }
    }

    private void Receive()
    {
        var changes = new ChangeList<TRow>();
        var collector = new Collector(_source, _family, changes);
        var checkedAt = Environment.TickCount64;
        while (!_cancelled)
        {
            if (Environment.TickCount64 - checkedAt >= GoneCheckIntervalMs)
            {
                checkedAt = Environment.TickCount64;
                if (_context.IsGone())
                {
                    EndWithNamespace();
                    return;
                }
            }
            var pending = _rescanIPv4 || _rescanIPv6;
            // With a rescan pending, only what is queued already is read first: the table is re-read once the queue is empty.
            var error = _events.ReceiveNotifications(ref collector, pending ? TimeSpan.Zero : s_wakeInterval);
            if (error.Errno == Errno.ETIMEDOUT)
            {
                if (pending) Rescan();
                continue;
            }
            if (error.Errno == Errno.ECANCELED) continue;
            if (error.Failed)
            {
                // ENOBUFS: the kernel dropped notifications. Anything else also leaves the view unsure.
                changes.Clear();
                Resync();
                continue;
            }
            for (var i = 0; i < changes.Count && !_cancelled; i++)
            {
                var (row, kind) = changes[i];
                _view.Apply(row, kind, _deliver);
            }
            if (changes.RescanIPv4 || changes.RescanIPv6)
            {
                if (!pending) _rescanSince = Environment.TickCount64;
                _rescanIPv4 |= changes.RescanIPv4;
                _rescanIPv6 |= changes.RescanIPv6;
            }
            changes.Clear();
            if ((_rescanIPv4 || _rescanIPv6) && Environment.TickCount64 - _rescanSince >= RescanDelayMs) Rescan();
        }
    }

    /// <summary>The namespace was deleted: its tables are gone, so is every row the subscriber was told of.</summary>
    private void EndWithNamespace()
    {
        _view.DeleteAll(_deliver);
        EndStatus = NetIoStatus.BadNetName;
        lock (_dispatch) _cancelled = true;
    }

    /// <summary>Re-reads the families whose rows the kernel may have removed silently, and delivers the differences.</summary>
    private void Rescan()
    {
        var family = _rescanIPv4 && _rescanIPv6 ? AddressFamily.Unspecified
            : _rescanIPv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        if (_family != AddressFamily.Unspecified) family = _family;
        if (_source.Read(family, out var table) != NetIoStatus.Success)
        {
            // Tried again when the queue next runs empty.
            _rescanSince = Environment.TickCount64;
            return;
        }
        _rescanIPv4 = _rescanIPv6 = false;
        Interlocked.Increment(ref _rescans);
        using (table) _view.Reconcile(table!.AsSpan(), family, _deliver);
    }

    private void Resync()
    {
        _events.Drain();
        if (_source.Read(_family, out var fresh) != NetIoStatus.Success) return;
        _rescanIPv4 = _rescanIPv6 = false;
        Interlocked.Increment(ref _resyncs);
        _onResync?.Invoke();
        using (fresh) _view.Reconcile(fresh!.AsSpan(), _family, _deliver);
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

    private void Close()
    {
        _events.Dispose();
        _wake.Dispose();
        _context.Release();
    }

    private struct Collector(IChangeSource<TKey, TRow> source, AddressFamily family, ChangeList<TRow> changes) : INetlinkReplyHandler
    {
        public readonly void OnMessage(in NetlinkMessage message) => source.OnMessage(message, family, changes);

        public readonly void OnRestart() { }
    }
}
