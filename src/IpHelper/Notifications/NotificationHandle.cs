namespace IpHelper;

/// <summary>
/// A registration for change notifications (the HANDLE Windows returns from Notify* functions).
/// End it with <see cref="NetIo.CancelMibChangeNotify2"/> or <see cref="Dispose"/>. It is not an
/// operating-system handle: it owns a netlink notification socket and one thread that delivers the
/// callbacks, and holds its namespace's context (so the scope it was made in may end first).
/// </summary>
public abstract class NotificationHandle : IDisposable
{
    private protected NotificationHandle() { }

    /// <summary>
    /// How many times the kernel dropped notifications (ENOBUFS) and the registration re-read the
    /// table and delivered the differences instead. Each resync is also reported to stream readers.
    /// </summary>
    public abstract long Resyncs { get; }

    /// <summary>True once the registration was cancelled, or ended by itself (see <see cref="EndStatus"/>).</summary>
    public abstract bool IsCancelled { get; }

    /// <summary>
    /// Why the registration ended by itself: Success while it runs and after a cancel;
    /// <see cref="NetIoStatus.BadNetName"/> when its network namespace was deleted (the name or path it
    /// was entered by no longer names it: <c>ip netns del</c>, or the process owning /proc/PID/ns/net
    /// exited; checked once a second), after every row the registration had reported was delivered as
    /// MibDeleteInstance; another status when a failure it could not recover from ended it (no
    /// exception ever leaves the registration's thread). The handle still accepts
    /// <see cref="NetIo.CancelMibChangeNotify2"/> (InvalidHandle: it has already ended).
    /// </summary>
    public NetIoStatus EndStatus { get; private protected set; }

    /// <summary>Cancels the registration, as <see cref="NetIo.CancelMibChangeNotify2"/> does.</summary>
    public void Dispose()
    {
        Cancel();
        GC.SuppressFinalize(this);
    }

    /// <summary>False when the registration was already cancelled.</summary>
    internal abstract bool Cancel();
}
