using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// The one thread that receives the kernel's notifications for every registration of the process: it
/// polls the shared socket of each namespace that has registrations (<see cref="NamespaceEvents"/>),
/// hands each message to the registrations of that namespace, and once a second checks whether a
/// namespace was deleted. It never calls back: registrations decode and deliver on the thread pool, so
/// a slow callback delays only its own registration. Started with the first registration, it stays for
/// the process's life (idle, in poll). Nothing escapes it: a failure in one namespace is contained there.
/// </summary>
internal static class NotificationPump
{
    private const int PollMs = 1000;

    private static readonly Lock s_lock = new();
    private static readonly List<NamespaceEvents> s_namespaces = [];
    private static WakeSignal? s_wake;
    private static Thread? s_thread;

    /// <summary>Starts polling the namespace's socket.</summary>
    /// <exception cref="NetlinkException">The pump's eventfd could not be made (first registration only).</exception>
    public static void Register(NamespaceEvents events)
    {
        lock (s_lock)
        {
            s_wake ??= WakeSignal.Create();
            s_namespaces.Add(events);
            if (s_thread is null)
            {
                s_thread = new Thread(Run) { IsBackground = true, Name = "IpHelper notifications" };
                s_thread.UnsafeStart();
            }
        }
        s_wake.Set();
    }

    /// <summary>Stops polling the namespace's socket.</summary>
    public static void Unregister(NamespaceEvents events)
    {
        lock (s_lock) s_namespaces.Remove(events);
        s_wake?.Set();
    }

    /// <summary>How many namespaces are polled (for tests and the scale report).</summary>
    public static int NamespaceCount
    {
        get
        {
            lock (s_lock) return s_namespaces.Count;
        }
    }

    private static void Run()
    {
        var polls = new Interop.PollFd[1];
        var sources = Array.Empty<NamespaceEvents>();
        var sockets = Array.Empty<NetlinkSocket?>();
        var checkedAt = Environment.TickCount64;
        var wake = s_wake!;
        while (true)
        {
            try
            {
                lock (s_lock) sources = [.. s_namespaces];
                if (polls.Length < sources.Length + 1) polls = new Interop.PollFd[sources.Length * 2 + 1];
                if (sockets.Length < sources.Length) sockets = new NetlinkSocket?[sources.Length * 2];
                polls[0] = new Interop.PollFd { Fd = (int)wake.Handle.DangerousGetHandle(), Events = Interop.POLLIN };
                for (var i = 0; i < sources.Length; i++)
                {
                    sockets[i] = sources[i].Socket;
                    polls[i + 1] = new Interop.PollFd { Fd = sockets[i] is { } socket ? (int)socket.Handle.DangerousGetHandle() : -1, Events = Interop.POLLIN };
                }
                Interop.poll(ref polls[0], (nuint)(sources.Length + 1), PollMs);
                if ((polls[0].Revents & Interop.POLLIN) != 0) wake.Reset();
                for (var i = 0; i < sources.Length; i++)
                    if (polls[i + 1].Revents != 0 && sources[i].Socket == sockets[i]) Pump(sources[i]);
                if (Environment.TickCount64 - checkedAt >= PollMs)
                {
                    checkedAt = Environment.TickCount64;
                    foreach (var source in sources) CheckGone(source);
                }
            }
            catch (Exception)
            {
                // Nothing may escape this thread; a failure is contained to the namespace it came from (below).
            }
        }
    }

    private static void Pump(NamespaceEvents source)
    {
        try
        {
            source.Pump();
        }
        catch (Exception e) when (e is ObjectDisposedException or NetlinkException)
        {
            // The last registration closed the socket meanwhile.
        }
    }

    private static void CheckGone(NamespaceEvents source)
    {
        try
        {
            source.CheckGone();
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // Closed meanwhile: nothing to end.
        }
    }
}
