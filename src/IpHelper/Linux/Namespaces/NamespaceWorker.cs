using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux.Namespaces;

/// <summary>
/// One of the process's two threads that run work inside a network namespace, for the few things Linux
/// ties to the namespace of the calling thread at the moment they are made: creating a socket, opening a
/// /proc/sys/net or /proc/thread-self/net file. What is made keeps its namespace for life, so the thread
/// is needed only to make it. A worker joins a namespace (setns) when a work item needs it, through a
/// descriptor of the namespace that the context's anchor socket gives (SIOCGSKNS), and stays there for
/// the next item of the same namespace; it goes back to the process's namespace when that namespace's
/// context closes, so it never keeps a released namespace alive. Each context is served by one worker
/// (two in all, created on first use), so the threads do not grow with the number of namespaces.
/// Nothing escapes a worker: a work item's exception is handed to the thread that posted it.
/// </summary>
internal sealed class NamespaceWorker
{
    private const int Count = 2;

    private static readonly Lock s_lock = new();
    private static readonly NamespaceWorker?[] s_workers = new NamespaceWorker?[Count];
    private static int s_next;
    private static long s_hops;

    /// <summary>The worker the calling thread is, or null.</summary>
    [ThreadStatic]
    private static NamespaceWorker? t_self;

    /// <summary>Stands for "a namespace this worker cannot name" (a failed join): the next item joins again.</summary>
    private static readonly object s_unknown = new();

    private readonly Thread _thread;

    /// <summary>Work waiting for the thread; also the lock for itself.</summary>
    private readonly Queue<WorkItem> _queue = new();

    /// <summary>The context whose namespace the thread is in; null for the process's own, <see cref="s_unknown"/> after a failed join.</summary>
    private object? _joined = s_unknown;

    private NamespaceWorker(int number)
    {
        _thread = new Thread(Serve) { IsBackground = true, Name = $"IpHelper netns {number}" };
        _thread.UnsafeStart();
    }

    /// <summary>How many work items callers have handed to a worker thread and waited for (for tests: a hop each).</summary>
    internal static long Hops => Interlocked.Read(ref s_hops);

    /// <summary>The worker the next context is given (round robin; created on first use, kept for the process's life).</summary>
    public static NamespaceWorker Next()
    {
        lock (s_lock)
        {
            var slot = s_next++ % Count;
            return s_workers[slot] ??= new NamespaceWorker(slot);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the namespace of <paramref name="context"/> (joined first when the
    /// worker is elsewhere) with the caller's ExecutionContext, and waits for it: returns its result or
    /// rethrows its exception with the original stack trace. Called on a worker thread (work that needs
    /// another namespace inside work), it runs directly there and returns the thread to where it was.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The context is closed (its anchor socket is gone).</exception>
    /// <exception cref="NetIoException">The namespace could not be joined.</exception>
    public T Invoke<T>(NamespaceContext context, Func<T> work)
    {
        if (t_self is { } self) return self.RunNested(context, work);
        var item = new WorkItem<T>(context, work, ExecutionContext.Capture());
        Interlocked.Increment(ref s_hops);
        Post(item);
        return item.Wait();
    }

    /// <summary>
    /// Runs <paramref name="work"/> after joining the namespace <paramref name="fd"/> refers to, for a
    /// context that has no anchor socket yet: returns the errno of a failed setns (EINVAL: not a network
    /// namespace; EPERM: no CAP_SYS_ADMIN), else 0 with <paramref name="work"/>'s result.
    /// </summary>
    public int Adopt<T>(NamespaceContext context, SafeFileHandle fd, Func<T> work, out T? result)
    {
        var outcome = Invoke<(int Errno, T? Result)>(context, () =>
        {
            var self = t_self!;
            if (Interop.setns(fd, Interop.CLONE_NEWNET) != 0) return (Marshal.GetLastPInvokeError(), default);
            self._joined = context;
            return (0, work());
        }, join: false);
        result = outcome.Result;
        return outcome.Errno;
    }

    /// <summary>Sends the worker back to the process's namespace if it is in <paramref name="context"/>'s (does not wait).</summary>
    public void Leave(NamespaceContext context) => Post(new LeaveItem(context));

    private T Invoke<T>(NamespaceContext context, Func<T> work, bool join)
    {
        if (t_self is { } self)
        {
            var previous = self._joined;
            try
            {
                return work();
            }
            finally
            {
                if (self._joined != previous) self.Return(previous);
            }
        }
        var item = new WorkItem<T>(join ? context : null, work, ExecutionContext.Capture());
        Interlocked.Increment(ref s_hops);
        Post(item);
        return item.Wait();
    }

    private void Post(WorkItem item)
    {
        lock (_queue)
        {
            _queue.Enqueue(item);
            Monitor.Pulse(_queue);
        }
    }

    private T RunNested<T>(NamespaceContext context, Func<T> work)
    {
        var previous = _joined;
        if (previous != context) Join(context);
        try
        {
            return work();
        }
        finally
        {
            if (_joined != previous) Return(previous);
        }
    }

    /// <summary>Joins the namespace of <paramref name="context"/> through a descriptor its anchor socket gives.</summary>
    private void Join(NamespaceContext context)
    {
        _joined = s_unknown;
        using var fd = context.OpenNamespace(out var errno);
        if (fd is null || Interop.setns(fd, Interop.CLONE_NEWNET) != 0)
        {
            if (fd is not null) errno = Marshal.GetLastPInvokeError();
            throw new NetIoException(new NetIoErrorDetail(Errno.ToStatus(errno), errno, null, null,
                $"cannot join the network namespace {context.Name ?? context.Inode.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Errno.Name(errno)}"));
        }
        _joined = context;
    }

    /// <summary>Goes back to the process's namespace; a failure leaves the place unknown (the next item joins again).</summary>
    private void JoinHome()
    {
        _joined = s_unknown;
        if (NamespaceContext.ProcessNamespace is { } home && Interop.setns(home, Interop.CLONE_NEWNET) == 0) _joined = null;
    }

    /// <summary>Goes back to where a nested item found the thread: a context still open, else the process's namespace.</summary>
    private void Return(object? previous)
    {
        if (previous is NamespaceContext context)
        {
            try
            {
                Join(context);
                return;
            }
            catch (Exception e) when (e is NetIoException or ObjectDisposedException)
            {
                // Closed meanwhile: home instead.
            }
        }
        JoinHome();
    }

    private void Serve()
    {
        t_self = this;
        JoinHome();
        while (true)
        {
            WorkItem item;
            lock (_queue)
            {
                while (_queue.Count == 0) Monitor.Wait(_queue);
                item = _queue.Dequeue();
            }
            item.Run(this);
        }
    }

    /// <summary>A unit of work for the thread.</summary>
    private abstract class WorkItem
    {
        /// <summary>Runs the item on the worker; must not throw.</summary>
        public abstract void Run(NamespaceWorker worker);
    }

    /// <summary>Sends the worker home when it is in a closed context's namespace.</summary>
    private sealed class LeaveItem(NamespaceContext context) : WorkItem
    {
        public override void Run(NamespaceWorker worker)
        {
            if (worker._joined == context) worker.JoinHome();
        }
    }

    /// <summary>A <see cref="Func{TResult}"/> to run in a namespace in the caller's ExecutionContext; the caller waits for it.</summary>
    private sealed class WorkItem<T>(NamespaceContext? context, Func<T> work, ExecutionContext? flow) : WorkItem
    {
        private readonly object _gate = new();
        private bool _done;
        private T? _result;
        private ExceptionDispatchInfo? _error;

        /// <summary>Waits for the work, then returns its result or rethrows its exception.</summary>
        public T Wait()
        {
            lock (_gate)
            {
                while (!_done) Monitor.Wait(_gate);
            }
            _error?.Throw();
            return _result!;
        }

        public override void Run(NamespaceWorker worker)
        {
            try
            {
                if (context is not null && worker._joined != context) worker.Join(context);
                if (flow is null) RunWork();
                else ExecutionContext.Run(flow, static state => ((WorkItem<T>)state!).RunWork(), this);
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }
            lock (_gate)
            {
                _done = true;
                Monitor.Pulse(_gate);
            }
        }

        private void RunWork() => _result = work();
    }
}
