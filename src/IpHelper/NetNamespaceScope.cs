namespace IpHelper;

/// <summary>
/// A network namespace entered with <see cref="NetNamespace.Enter(string)"/>. Until it is disposed,
/// IP Helper calls made on the thread or async flow that entered it, and in tasks started from there,
/// act on the namespace. The caller's own thread never changes namespace: the library keeps one
/// context per namespace (a socket opened there that holds it, and the sockets and interface facts it
/// reuses; sockets and /proc files are made there by one of two process-wide worker threads), shared
/// by every scope and notification registration of that namespace and closed when the last of them ends.
/// </summary>
public sealed class NetNamespaceScope : IDisposable
{
    /// <summary>The reference this scope holds; null for the scope of a registration's callbacks, which holds none.</summary>
    private readonly INetIoContext? _context;
    private readonly INetIoBackend _backend;
    private int _disposed;

    /// <summary>The scope that was current in the entering flow when this one was entered.</summary>
    private NetNamespaceScope? _previous;

    /// <summary>Takes over <paramref name="context"/>, released when the scope is disposed.</summary>
    internal NetNamespaceScope(INetIoContext context, string? name)
    {
        _context = context;
        _backend = context.Backend;
        Name = name;
        Inode = context.Inode;
    }

    /// <summary>
    /// The scope notification callbacks run in: the registration's namespace, kept alive by the
    /// registration itself for as long as callbacks can run.
    /// </summary>
    private NetNamespaceScope(INetIoBackend backend, string? name)
    {
        _backend = backend;
        Name = name;
        Inode = backend.NamespaceInode;
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

    /// <summary>The backend bound to the scope's namespace.</summary>
    /// <exception cref="ObjectDisposedException">The scope has been disposed (by another flow).</exception>
    internal INetIoBackend Backend
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _backend;
        }
    }

    /// <summary>The scope for the callbacks of a registration made in <paramref name="registering"/> (null: the process's namespace).</summary>
    internal static NetNamespaceScope? ForCallbacks(NetNamespaceScope? registering) =>
        registering is null ? null : new NetNamespaceScope(registering.Backend, registering.Name);

    /// <summary>
    /// Leaves the namespace: if this scope is the current one of the calling flow, the scope that was
    /// current when it was entered becomes current again (skipping scopes disposed since); disposing
    /// a scope that is not current (out of order) leaves the flow's current scope alone. Then the
    /// scope's reference to the namespace's context is given back: the context (its sockets) closes
    /// when no other scope, registration or anycast membership of the namespace holds it. Calling it
    /// again does nothing.
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

        _context?.Dispose();
    }

    /// <summary>Makes this scope the current one of the calling flow, remembering the one it replaces.</summary>
    internal void MakeCurrent()
    {
        _previous = NetNamespace.Current;
        NetNamespace.Current = this;
    }
}
