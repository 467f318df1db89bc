using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace IpHelper;

/// <summary>
/// A network namespace entered with <see cref="NetNamespace.Enter(string)"/>. Until it is disposed,
/// IP Helper calls made on the thread or async flow that entered it, and in tasks started from there,
/// act on the namespace. The caller's own thread never changes namespace: the scope owns one
/// dedicated thread that joined the namespace when the scope was created, and the library opens its
/// sockets and /proc files on that thread. Disposing the scope ends that thread and closes the
/// namespace descriptor.
/// </summary>
public sealed class NetNamespaceScope : IDisposable
{
    /// <summary>How long <see cref="Dispose"/> waits for a work item still running on the scope's thread.</summary>
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(10);

    private readonly SafeFileHandle _fd;
    private readonly Thread _thread;

    /// <summary>Work waiting for the scope's thread; also the lock for itself and <see cref="_closing"/>.</summary>
    private readonly Queue<WorkItem> _queue = new();

    private bool _closing;
    private int _disposed;

    /// <summary>The scope that was current in the entering flow when this one was entered.</summary>
    private NetNamespaceScope? _previous;

    /// <summary>Takes over <paramref name="fd"/> and starts the scope's thread, still in the caller's namespace.</summary>
    internal NetNamespaceScope(SafeFileHandle fd, string? name, ulong inode)
    {
        _fd = fd;
        Name = name;
        Inode = inode;
        _thread = new Thread(Serve) { IsBackground = true, Name = $"netns {name ?? "fd"}" };
        _thread.UnsafeStart();
    }

    /// <summary>
    /// The name or path the scope was entered with (<see cref="NetNamespace.Enter(string)"/>), or null
    /// when it was entered with a descriptor.
    /// </summary>
    public string? Name { get; }

    /// <summary>
    /// The inode number of the namespace (st_ino of its namespace file, the number
    /// <c>readlink /proc/PID/ns/net</c> shows as <c>net:[INODE]</c>).
    /// </summary>
    public ulong Inode { get; }

    /// <summary>True once <see cref="Dispose"/> has been called.</summary>
    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Leaves the namespace: if this scope is the current one of the calling flow, the scope that was
    /// current when it was entered becomes current again (skipping scopes disposed since); disposing
    /// a scope that is not current (out of order) leaves the flow's current scope alone. Then the
    /// scope's thread finishes the work already queued and ends (Dispose waits up to 10 s for it),
    /// and the namespace descriptor is closed. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;

        if (NetNamespace.Current == this)
        {
            NetNamespaceScope? previous = _previous;
            while (previous is { IsDisposed: true }) previous = previous._previous;
            NetNamespace.Current = previous;
        }

        lock (_queue)
        {
            _closing = true;
            Monitor.Pulse(_queue);
        }

        if (Thread.CurrentThread != _thread) _thread.Join(s_joinTimeout);
        _fd.Dispose();
    }

    /// <summary>Makes this scope the current one of the calling flow, remembering the one it replaces.</summary>
    internal void MakeCurrent()
    {
        _previous = NetNamespace.Current;
        NetNamespace.Current = this;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the scope's thread, inside the namespace, with the caller's
    /// ExecutionContext, and waits for it: returns its result or rethrows its exception with the
    /// original stack trace. Called on the scope's thread itself, it runs <paramref name="work"/> directly.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The scope has been disposed.</exception>
    internal T Invoke<T>(Func<T> work)
    {
        if (Thread.CurrentThread == _thread) return work();

        var item = new WorkItem<T>(work, ExecutionContext.Capture());
        lock (_queue)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            _queue.Enqueue(item);
            Monitor.Pulse(_queue);
        }

        return item.Wait();
    }

    /// <summary>The scope's thread: runs queued work in order until the scope is closed and the queue is empty.</summary>
    private void Serve()
    {
        while (true)
        {
            WorkItem item;
            lock (_queue)
            {
                while (_queue.Count == 0)
                {
                    if (_closing) return;
                    Monitor.Wait(_queue);
                }

                item = _queue.Dequeue();
            }

            item.Run();
        }
    }

    /// <summary>A unit of work for the scope's thread, which the posting thread waits for.</summary>
    private abstract class WorkItem
    {
        private readonly object _gate = new();
        private bool _done;

        /// <summary>Runs the work on the scope's thread and wakes the waiting caller.</summary>
        public void Run()
        {
            Execute();
            lock (_gate)
            {
                _done = true;
                Monitor.Pulse(_gate);
            }
        }

        /// <summary>Runs the work, capturing its result or exception; must not throw.</summary>
        protected abstract void Execute();

        /// <summary>Blocks until <see cref="Run"/> has finished.</summary>
        protected void WaitDone()
        {
            lock (_gate)
            {
                while (!_done) Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>A <see cref="Func{TResult}"/> to run in the caller's ExecutionContext.</summary>
    private sealed class WorkItem<T>(Func<T> work, ExecutionContext? context) : WorkItem
    {
        private T? _result;
        private ExceptionDispatchInfo? _error;

        /// <summary>Waits for the work, then returns its result or rethrows its exception.</summary>
        public T Wait()
        {
            WaitDone();
            _error?.Throw();
            return _result!;
        }

        protected override void Execute()
        {
            try
            {
                if (context is null) RunWork();
                else ExecutionContext.Run(context, static state => ((WorkItem<T>)state!).RunWork(), this);
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }
        }

        private void RunWork() => _result = work();
    }
}
