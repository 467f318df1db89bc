using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux.Namespaces;

/// <summary>
/// One of the process's two workers that run work inside a network namespace, for the few things Linux
/// ties to the namespace of the calling thread at the moment they are made: creating a socket, opening a
/// /proc/sys/net or /proc/thread-self/net file. What is made keeps its namespace for life, so the thread
/// is needed only to make it. A worker's thread joins a namespace (setns) when a work item needs it,
/// through a descriptor of the namespace that the context's anchor socket gives (SIOCGSKNS), and stays
/// there for the next item of the same namespace; it goes back to the process's namespace when that
/// namespace's context closes, so it never keeps a released namespace alive. Each context is served by
/// one worker (two in all, created on first use), so the threads do not grow with the number of namespaces.
/// A worker's thread starts with the first item posted to it: most work runs on the calling thread
/// (<see cref="NamespaceContext.RunHere{T}"/>), so a process that never needs a worker never starts one.
/// <para>
/// Capabilities are per thread in Linux and the kernel checks those of the thread that acts: each item
/// runs with the effective capabilities of the thread that posted it, never more. A thread inherits its
/// creator's capabilities, so a worker whose thread was started by a caller with fewer capabilities than
/// a later caller is given a new thread, started by that later caller.
/// </para>
/// Nothing escapes a worker: a work item's exception is handed to the thread that posted it.
/// </summary>
internal sealed class NamespaceWorker
{
    private const int Count = 2;

    private static readonly Lock s_lock = new();
    private static readonly NamespaceWorker?[] s_workers = new NamespaceWorker?[Count];
    private static int s_next;
    private static long s_hops;

    /// <summary>The runner (worker thread) the calling thread is, or null.</summary>
    [ThreadStatic]
    private static Runner? t_runner;

    /// <summary>Stands for "a namespace this thread cannot name" (a failed join): the next item joins again.</summary>
    private static readonly object s_unknown = new();

    private readonly int _number;

    /// <summary>Work waiting for the thread; also the lock for itself and <see cref="_runner"/>.</summary>
    private readonly Queue<WorkItem> _queue = new();

    /// <summary>The thread serving the queue (null until the first item); a replaced one ends after its current item.</summary>
    private Runner? _runner;

    private NamespaceWorker(int number) => _number = number;

    /// <summary>True on a worker's thread.</summary>
    internal static bool IsWorkerThread => t_runner is not null;

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
    /// thread is elsewhere) with the caller's ExecutionContext and effective capabilities, and waits for
    /// it: returns its result or rethrows its exception with the original stack trace. Called on a worker
    /// thread (work that needs another namespace inside work), it runs directly there and returns the
    /// thread to where it was.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The context is closed (its anchor socket is gone).</exception>
    /// <exception cref="Netlink.NetlinkException">The namespace could not be joined.</exception>
    public T Invoke<T>(NamespaceContext context, Func<T> work)
    {
        if (t_runner is { } runner) return runner.RunNested(context, work);
        return Post(context, work);
    }

    /// <summary>
    /// Runs <paramref name="work"/> after joining the namespace <paramref name="fd"/> refers to, for a
    /// context that has no anchor socket yet: returns the errno of a failed setns (EINVAL: not a network
    /// namespace; EPERM: no CAP_SYS_ADMIN), else 0 with <paramref name="work"/>'s result.
    /// </summary>
    public int Adopt<T>(NamespaceContext context, SafeFileHandle fd, Func<T> work, out T? result)
    {
        (int Errno, T? Result) Join()
        {
            var runner = t_runner!;
            if (Interop.setns(fd, Interop.CLONE_NEWNET) != 0) return (Marshal.GetLastPInvokeError(), default);
            runner.Joined = context;
            return (0, work());
        }

        var outcome = t_runner is { } nested ? nested.RunThenReturn(Join) : Post<(int Errno, T? Result)>(null, Join);
        result = outcome.Result;
        return outcome.Errno;
    }

    /// <summary>Sends the thread back to the process's namespace if it is in <paramref name="context"/>'s (does not wait).</summary>
    public void Leave(NamespaceContext context)
    {
        lock (_queue)
        {
            // No thread yet: none has joined anything.
            if (_runner is null) return;
            _queue.Enqueue(new LeaveItem(context));
            Monitor.PulseAll(_queue);
        }
    }

    private T Post<T>(NamespaceContext? context, Func<T> work)
    {
        var caps = ThreadCapabilities.OfCallingThread();
        var item = new WorkItem<T>(context, work, ExecutionContext.Capture(), caps?.Effective);
        Interlocked.Increment(ref s_hops);
        lock (_queue)
        {
            // The thread cannot act with capabilities it was never given: a new one, started here, inherits them.
            if (_runner is null || (caps is { } mine && (mine.Effective & ~_runner.Capabilities.Permitted) != 0)) Start();
            _queue.Enqueue(item);
            Monitor.PulseAll(_queue);
        }
        return item.Wait();
    }

    /// <summary>Starts a thread that serves the queue from now on (the one it replaces ends after its current item).</summary>
    private Runner Start()
    {
        var runner = new Runner(this);
        // Before the thread runs: it serves only while it is the worker's runner.
        _runner = runner;
        var thread = new Thread(runner.Serve) { IsBackground = true, Name = $"IpHelper netns {_number}" };
        thread.UnsafeStart();
        runner.WaitStarted();
        return runner;
    }

    /// <summary>One thread serving the worker's queue, and where it is: its namespace and capabilities.</summary>
    private sealed class Runner(NamespaceWorker worker)
    {
        private readonly ManualResetEventSlim _started = new();

        /// <summary>The context whose namespace the thread is in; null for the process's own, <see cref="s_unknown"/> after a failed join.</summary>
        public object? Joined { get; set; } = s_unknown;

        /// <summary>The thread's own capabilities (inherited from the thread that started it).</summary>
        public ThreadCapabilities Capabilities { get; private set; }

        public void WaitStarted() => _started.Wait();

        public void Serve()
        {
            t_runner = this;
            Capabilities = ThreadCapabilities.OfCallingThread() ?? default;
            JoinHome();
            _started.Set();
            while (true)
            {
                WorkItem item;
                lock (worker._queue)
                {
                    while (worker._queue.Count == 0 && worker._runner == this) Monitor.Wait(worker._queue);
                    // Replaced (and the queue is the new thread's): end. The kernel drops the namespace this thread held.
                    if (worker._runner != this) return;
                    item = worker._queue.Dequeue();
                }
                item.Run(this);
            }
        }

        /// <summary>Runs nested work here: joins its namespace, then returns the thread to where it was.</summary>
        public T RunNested<T>(NamespaceContext context, Func<T> work) => RunThenReturn(() =>
        {
            if (Joined != context) Join(context);
            return work();
        });

        public T RunThenReturn<T>(Func<T> work)
        {
            var previous = Joined;
            try
            {
                return work();
            }
            finally
            {
                if (Joined != previous) Return(previous);
            }
        }

        /// <summary>Joins the namespace of <paramref name="context"/> through a descriptor its anchor socket gives.</summary>
        public void Join(NamespaceContext context)
        {
            Joined = s_unknown;
            using var fd = context.OpenNamespace(out var errno);
            if (fd is null || Interop.setns(fd, Interop.CLONE_NEWNET) != 0)
            {
                if (fd is not null) errno = Marshal.GetLastPInvokeError();
                throw new Netlink.NetlinkException(errno,
                    $"cannot join the network namespace {context.Name ?? context.Inode.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Errno.Name(errno)}");
            }
            Joined = context;
        }

        /// <summary>Goes back to the process's namespace; a failure leaves the place unknown (the next item joins again).</summary>
        public void JoinHome()
        {
            Joined = s_unknown;
            if (NamespaceContext.ProcessNamespace is { } home && Interop.setns(home, Interop.CLONE_NEWNET) == 0) Joined = null;
        }

        /// <summary>Runs <paramref name="work"/> with the effective capabilities <paramref name="effective"/> (within the thread's own).</summary>
        public T WithCapabilities<T>(ulong? effective, Func<T> work)
        {
            var own = Capabilities;
            if (effective is not { } wanted || wanted == own.Effective) return work();
            if (!ThreadCapabilities.SetEffective(own, wanted & own.Permitted)) throw new UnauthorizedAccessException("cannot take the caller's capabilities");
            try
            {
                return work();
            }
            finally
            {
                ThreadCapabilities.SetEffective(own, own.Effective);
            }
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
                catch (Exception e) when (e is Netlink.NetlinkException or ObjectDisposedException)
                {
                    // Closed meanwhile: home instead.
                }
            }
            JoinHome();
        }
    }

    /// <summary>A unit of work for the thread.</summary>
    private abstract class WorkItem
    {
        /// <summary>Runs the item on the worker's thread; must not throw.</summary>
        public abstract void Run(Runner runner);
    }

    /// <summary>Sends the thread home when it is in a closed context's namespace.</summary>
    private sealed class LeaveItem(NamespaceContext context) : WorkItem
    {
        public override void Run(Runner runner)
        {
            if (runner.Joined == context) runner.JoinHome();
        }
    }

    /// <summary>A <see cref="Func{TResult}"/> to run in a namespace with the caller's ExecutionContext and capabilities; the caller waits for it.</summary>
    private sealed class WorkItem<T>(NamespaceContext? context, Func<T> work, ExecutionContext? flow, ulong? capabilities) : WorkItem
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

        public override void Run(Runner runner)
        {
            try
            {
                // Joined with the thread's own capabilities (setns needs CAP_SYS_ADMIN), then the work with the caller's.
                if (context is not null && runner.Joined != context) runner.Join(context);
                _result = runner.WithCapabilities(capabilities, () =>
                {
                    if (flow is null) return work();
                    ExecutionContext.Run(flow, static state => ((WorkItem<T>)state!).RunWork(), this);
                    return _result!;
                });
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
