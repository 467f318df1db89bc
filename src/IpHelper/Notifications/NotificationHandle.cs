namespace IpHelper;

/// <summary>
/// A registration for change notifications (the HANDLE Windows returns from Notify* functions).
/// End it with <see cref="NetIo.CancelMibChangeNotify2"/> or <see cref="Dispose"/>. It is not an
/// operating-system handle: it owns a netlink socket pair and one thread that delivers the callbacks.
/// </summary>
public abstract class NotificationHandle : IDisposable
{
    private protected NotificationHandle() { }

    /// <summary>
    /// How many times the kernel dropped notifications (ENOBUFS) and the registration re-read the
    /// table and delivered the differences instead. Each resync is also reported to stream readers.
    /// </summary>
    public abstract long Resyncs { get; }

    /// <summary>True once the registration was cancelled.</summary>
    public abstract bool IsCancelled { get; }

    /// <summary>Cancels the registration, as <see cref="NetIo.CancelMibChangeNotify2"/> does.</summary>
    public void Dispose()
    {
        Cancel();
        GC.SuppressFinalize(this);
    }

    /// <summary>False when the registration was already cancelled.</summary>
    internal abstract bool Cancel();
}
