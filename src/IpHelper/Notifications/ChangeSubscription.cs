using System.Net.Sockets;
using System.Runtime.InteropServices;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;

namespace IpHelper.Notifications;

/// <summary>
/// One notification registration: a notification socket joined to the table's groups, a request
/// socket for re-reading the table, both opened in the namespace current at registration, and one
/// thread that receives, keeps the subscriber's view of the table, and calls back.
/// <list type="bullet">
/// <item>The view tells an RTM_NEW* that adds a row (MibAddInstance) from one that changes it (MibParameterNotification).</item>
/// <item>Callbacks run one at a time, in kernel order, on the registration's thread.</item>
/// <item>On ENOBUFS (the kernel dropped notifications) the table is re-read and the differences from the view are delivered, so a subscriber that applies every callback ends with the kernel's table.</item>
/// <item>Cancel waits for a running callback and no callback starts after it returns; called from inside a callback it returns at once and no further callback starts.</item>
/// <item>An exception thrown by a callback does not end the registration: it goes to <see cref="NetIo.NotificationCallbackFailed"/>.</item>
/// </list>
/// </summary>
internal sealed class ChangeSubscription<TKey, TRow> : NotificationHandle where TKey : notnull where TRow : struct
{
    private static readonly TimeSpan s_wakeInterval = TimeSpan.FromMilliseconds(100);

    private readonly IChangeSource<TKey, TRow> _source;
    private readonly AddressFamily _family;
    private readonly Action<TRow?, MibNotificationType> _callback;
    private readonly Action? _onResync;
    private readonly NetlinkSocket _events;
    private readonly NetlinkSocket _requests;
    private readonly Dictionary<TKey, TRow> _view = [];
    private readonly object _dispatch = new();
    private readonly WakeSignal _wake = WakeSignal.Create();
    private Thread? _thread;
    private volatile bool _cancelled;
    private long _resyncs;

    private ChangeSubscription(IChangeSource<TKey, TRow> source, AddressFamily family, Action<TRow?, MibNotificationType> callback,
        Action? onResync, NetlinkSocket events, NetlinkSocket requests)
    {
        _source = source;
        _family = family;
        _callback = callback;
        _onResync = onResync;
        _events = events;
        _requests = requests;
        _events.Wake = _wake;
    }

    public override long Resyncs => Interlocked.Read(ref _resyncs);

    public override bool IsCancelled => _cancelled;

    /// <summary>
    /// Registers: joins the groups first, then reads the table (so no change falls between the two),
    /// delivers MibInitialNotification on the calling thread when asked, then starts delivering changes.
    /// </summary>
    public static NetIoStatus Start(IChangeSource<TKey, TRow> source, AddressFamily family, Action<TRow?, MibNotificationType> callback,
        bool initialNotification, out ChangeSubscription<TKey, TRow>? subscription, Action? onResync = null,
        int receiveBufferBytes = 32 << 20)
    {
        subscription = null;
        NetlinkSocket? events = null, requests = null;
        try
        {
            events = NetlinkSocket.OpenSubscriber(source.Groups(family), receiveBufferBytes);
            requests = NetlinkSocket.Open();
        }
        catch (NetIoException e)
        {
            events?.Dispose();
            return NetIo.Fail(e.Detail);
        }
        var created = new ChangeSubscription<TKey, TRow>(source, family, callback, onResync, events, requests);
        NetIoStatus status;
        using (RtnlSockets.Pin(requests)) status = source.Snapshot(family, created._view);
        if (status != NetIoStatus.Success)
        {
            created.Close();
            return status;
        }
        if (initialNotification) created.Deliver(null, MibNotificationType.MibInitialNotification);
        created._thread = new Thread(created.Run) { IsBackground = true, Name = $"IpHelper {source.TableName} notifications" };
        created._thread.Start();
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
            // The thread saw _cancelled at the end of a receive slice and closed itself first: nothing to wake.
        }
        // From inside a callback the thread is ours: it stops after the callback returns and closes itself.
        if (Thread.CurrentThread != _thread) _thread?.Join();
        return true;
    }

    private void Run()
    {
        var changes = new ChangeList<TKey, TRow>();
        var collector = new Collector(_source, _family, changes);
        // Every kernel read of this thread, the callbacks' own calls included, goes through the request
        // socket opened in the registration's namespace.
        using var pin = RtnlSockets.Pin(_requests);
        try
        {
            while (!_cancelled)
            {
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
        finally
        {
            Close();
        }
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
        _requests.Dispose();
        _wake.Dispose();
    }

    private struct Collector(IChangeSource<TKey, TRow> source, AddressFamily family, ChangeList<TKey, TRow> changes) : INetlinkReplyHandler
    {
        public readonly void OnMessage(in NetlinkMessage message) => source.OnMessage(message, family, changes);

        public readonly void OnRestart() { }
    }
}
