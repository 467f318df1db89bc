using System.Net.Sockets;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// One notification registration in one namespace: a notification socket joined to the table's groups,
/// opened in the namespace, a reference to the namespace's context (whose pooled request sockets re-read
/// the table), and one thread that receives, keeps the subscriber's view of the table, and calls back.
/// <list type="bullet">
/// <item>The view tells an RTM_NEW* that adds a row (MibAddInstance) from one that changes it (MibParameterNotification).</item>
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

    private static readonly TimeSpan s_wakeInterval = TimeSpan.FromMilliseconds(100);
    private const long GoneCheckIntervalMs = 1000;

    private readonly NamespaceContext _context;
    private readonly IChangeSource<TKey, TRow> _source;
    private readonly AddressFamily _family;
    private readonly ChangeCallback<TRow> _callback;
    private readonly Action? _onResync;
    private readonly NetlinkSocket _events;
    private readonly Dictionary<TKey, TRow> _view = [];
    private readonly object _dispatch = new();
    private readonly WakeSignal _wake;
    private Thread? _thread;
    private volatile bool _cancelled;
    private long _resyncs;

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
    }

    public override long Resyncs => Interlocked.Read(ref _resyncs);

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
            status = source.Snapshot(family, created._view);
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
        var changes = new ChangeList<TKey, TRow>();
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
            var error = _events.ReceiveNotifications(ref collector, s_wakeInterval);
            if (error.Errno is Errno.ETIMEDOUT or Errno.ECANCELED) continue;
            if (error.Failed)
            {
                // ENOBUFS: the kernel dropped notifications. Anything else also leaves the view unsure.
                changes.Clear();
                Resync();
                continue;
            }
            for (var i = 0; i < changes.Count && !_cancelled; i++)
            {
                var (key, row) = changes[i];
                Apply(key, row);
            }
            changes.Clear();
        }
    }

    /// <summary>The namespace was deleted: its tables are gone, so is every row the subscriber was told of.</summary>
    private void EndWithNamespace()
    {
        foreach (var key in _view.Keys.ToList())
        {
            if (_cancelled) return;
            Apply(key, null);
        }
        EndStatus = NetIoStatus.BadNetName;
        lock (_dispatch) _cancelled = true;
    }

    private void Apply(TKey key, TRow? row)
    {
        if (row is { } present)
        {
            var existed = _view.TryGetValue(key, out var before);
            if (existed && _source.Equivalent(before, present)) return;
            _view[key] = present;
            Deliver(present, existed ? MibNotificationType.MibParameterNotification : MibNotificationType.MibAddInstance);
        }
        else if (_view.Remove(key, out var removed))
        {
            Deliver(removed, MibNotificationType.MibDeleteInstance);
        }
    }

    private void Resync()
    {
        _events.Drain();
        var fresh = new Dictionary<TKey, TRow>();
        if (_source.Snapshot(_family, fresh) != NetIoStatus.Success) return;
        Interlocked.Increment(ref _resyncs);
        _onResync?.Invoke();
        foreach (var key in _view.Keys.Where(k => !fresh.ContainsKey(k)).ToList())
        {
            if (_cancelled) return;
            Apply(key, null);
        }
        foreach (var (key, row) in fresh)
        {
            if (_cancelled) return;
            Apply(key, row);
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

    private void Close()
    {
        _events.Dispose();
        _wake.Dispose();
        _context.Release();
    }

    private struct Collector(IChangeSource<TKey, TRow> source, AddressFamily family, ChangeList<TKey, TRow> changes) : INetlinkReplyHandler
    {
        public readonly void OnMessage(in NetlinkMessage message) => source.OnMessage(message, family, changes);

        public readonly void OnRestart() { }
    }
}
