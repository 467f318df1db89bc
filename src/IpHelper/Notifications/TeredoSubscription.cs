using IpHelper.Linux.Proc;

namespace IpHelper.Notifications;

/// <summary>
/// A NotifyTeredoPortChange registration. No kernel event says that a Teredo client started, so the
/// registration looks for the client's port (<see cref="TeredoClient"/>) once per
/// <see cref="PollInterval"/> on its own thread and calls back when the answer changes. Callbacks and
/// Cancel behave as for the other registrations (see ChangeSubscription).
/// </summary>
internal sealed class TeredoSubscription : NotificationHandle
{
    /// <summary>How often the Teredo client is looked for.</summary>
    internal static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    private readonly ulong _namespaceInode;
    private readonly Action<ushort, MibNotificationType> _callback;
    private readonly object _dispatch = new();
    private readonly ManualResetEventSlim _wake = new();
    private Thread? _thread;
    private volatile bool _cancelled;
    private ushort _port;

    private TeredoSubscription(ulong namespaceInode, Action<ushort, MibNotificationType> callback)
    {
        _namespaceInode = namespaceInode;
        _callback = callback;
    }

    public override long Resyncs => 0;

    public override bool IsCancelled => _cancelled;

    public static TeredoSubscription Start(Action<ushort, MibNotificationType> callback, bool initialNotification)
    {
        var inode = NetNamespace.CurrentInode;
        var subscription = new TeredoSubscription(inode, callback) { _port = TeredoClient.FindPort(inode) ?? 0 };
        if (initialNotification) subscription.Deliver(subscription._port, MibNotificationType.MibInitialNotification);
        subscription._thread = new Thread(subscription.Run) { IsBackground = true, Name = "IpHelper Teredo port" };
        subscription._thread.Start();
        return subscription;
    }

    internal override bool Cancel()
    {
        lock (_dispatch)
        {
            if (_cancelled) return false;
            _cancelled = true;
        }
        _wake.Set();
        if (Thread.CurrentThread != _thread) _thread?.Join();
        return true;
    }

    private void Run()
    {
        while (!_wake.Wait(PollInterval) && !_cancelled)
        {
            var port = TeredoClient.FindPort(_namespaceInode) ?? 0;
            if (port == _port) continue;
            var type = _port == 0 ? MibNotificationType.MibAddInstance
                : port == 0 ? MibNotificationType.MibDeleteInstance
                : MibNotificationType.MibParameterNotification;
            _port = port;
            Deliver(port, type);
        }
    }

    private void Deliver(ushort port, MibNotificationType type)
    {
        lock (_dispatch)
        {
            if (_cancelled) return;
            try
            {
                _callback(port, type);
            }
            catch (Exception e)
            {
                NetIo.ReportCallbackFailure(e);
            }
        }
    }
}
