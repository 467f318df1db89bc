using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// A NotifyTeredoPortChange registration. No kernel event says that a Teredo client started, so the
/// registration looks for the client's port (<see cref="TeredoClient"/>) in its namespace once per
/// <see cref="PollInterval"/> on its own thread and calls back when the answer changes. Callbacks,
/// Cancel and the namespace's lifetime behave as for the other registrations (see ChangeSubscription).
/// </summary>
internal sealed class TeredoSubscription : NotificationHandle
{
    /// <summary>How often the Teredo client is looked for.</summary>
    internal static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    private readonly NamespaceContext _context;
    private readonly Action<ushort, MibNotificationType> _callback;
    private readonly object _dispatch = new();
    private readonly ManualResetEventSlim _wake = new();
    private Thread? _thread;
    private volatile bool _cancelled;
    private ushort _port;

    private TeredoSubscription(NamespaceContext context, Action<ushort, MibNotificationType> callback)
    {
        _context = context;
        _callback = callback;
    }

    public override long Resyncs => 0;

    public override bool IsCancelled => _cancelled;

    /// <summary>Registers in <paramref name="context"/>'s namespace (taking a reference to it).</summary>
    /// <exception cref="ObjectDisposedException">The context is closed.</exception>
    public static TeredoSubscription Start(NamespaceContext context, Action<ushort, MibNotificationType> callback, bool initialNotification)
    {
        var subscription = new TeredoSubscription(context.AddReference(), callback) { _port = TeredoClient.FindPort(context.Inode) ?? 0 };
        if (initialNotification) subscription.Deliver(subscription._port, MibNotificationType.MibInitialNotification);
        subscription._thread = new Thread(subscription.Run) { IsBackground = true, Name = "IpHelper Teredo port" };
        subscription._thread.UnsafeStart();
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
        try
        {
            while (!_wake.Wait(PollInterval) && !_cancelled)
            {
                if (_context.IsGone())
                {
                    if (_port != 0) Deliver(0, MibNotificationType.MibDeleteInstance);
                    EndStatus = NetIoStatus.BadNetName;
                    lock (_dispatch) _cancelled = true;
                    return;
                }
                var port = TeredoClient.FindPort(_context.Inode) ?? 0;
                if (port == _port) continue;
                var type = _port == 0 ? MibNotificationType.MibAddInstance
                    : port == 0 ? MibNotificationType.MibDeleteInstance
                    : MibNotificationType.MibParameterNotification;
                _port = port;
                Deliver(port, type);
            }
        }
        catch (Exception e)
        {
            // Nothing may escape a background thread: the registration ends and says why.
            EndStatus = e is NetlinkException failure ? failure.Status : NetIoStatus.GenFailure;
            lock (_dispatch) _cancelled = true;
        }
        finally
        {
            _context.Release();
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
