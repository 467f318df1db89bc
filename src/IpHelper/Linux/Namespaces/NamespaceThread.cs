using System.Runtime.ExceptionServices;

namespace IpHelper.Linux.Namespaces;

/// <summary>
/// A thread that lives in one network namespace, for the few things Linux ties to the namespace of the
/// calling thread at the moment they are made: creating a socket, opening a /proc/sys/net or
/// /proc/thread-self/net file. What it makes keeps its namespace for life, so the thread is needed only
/// to make it, never to use it. Work is run one item at a time; the posting thread waits for it.
/// Nothing escapes the thread: a work item's exception is handed to the thread that posted it.
/// </summary>
internal sealed class NamespaceThread
{
    /// <summary>How long <see cref="Stop"/> waits for a work item still running.</summary>
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(10);

    private readonly Thread _thread;

    /// <summary>Work waiting for the thread; also the lock for itself and <see cref="_closing"/>.</summary>
    private readonly Queue<WorkItem> _queue = new();

    private bool _closing;

    /// <summary>Starts the thread, still in the caller's namespace; the first work item usually joins another with setns.</summary>
    public NamespaceThread(string name)
    {
        _thread = new Thread(Serve) { IsBackground = true, Name = name };
        _thread.UnsafeStart();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread with the caller's ExecutionContext and waits for it:
    /// returns its result or rethrows its exception with the original stack trace. Called on the thread
    /// itself, it runs <paramref name="work"/> directly.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The thread was stopped.</exception>
    public T Invoke<T>(Func<T> work)
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

    /// <summary>Lets the thread finish the work already queued, then end; waits up to 10 s for it unless called on the thread.</summary>
    public void Stop()
    {
        lock (_queue)
        {
            _closing = true;
            Monitor.Pulse(_queue);
        }

        if (Thread.CurrentThread != _thread) _thread.Join(s_joinTimeout);
    }

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

    /// <summary>A unit of work for the thread, which the posting thread waits for.</summary>
    private abstract class WorkItem
    {
        private readonly object _gate = new();
        private bool _done;

        /// <summary>Runs the work on the thread and wakes the waiting caller.</summary>
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
