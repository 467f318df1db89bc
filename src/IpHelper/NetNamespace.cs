using Microsoft.Win32.SafeHandles;

namespace IpHelper;

/// <summary>
/// Network namespaces, the Linux counterpart of Windows network compartments. Every IP Helper call
/// made inside a <see cref="NetNamespaceScope"/> (on the same thread, or in async code started
/// from it) acts on the scope's namespace; outside any scope the library acts on the network
/// namespace of the calling thread, which is normally the process's own. Inside a notification
/// callback, the registration's namespace is the current one until the callback enters another.
/// </summary>
/// <remarks>
/// The scope travels with the ExecutionContext (an AsyncLocal), so:
/// <list type="bullet">
/// <item>Awaits inside the scope stay in it; tasks started inside it act on it, even after the scope is
/// disposed they see it disposed and fail with <see cref="ObjectDisposedException"/>.</item>
/// <item>An <c>async IAsyncEnumerable</c> iterator runs each step in the consumer's context: a scope
/// entered inside the iterator covers only the code up to the next <c>yield return</c>; after it, the
/// consumer's scope is current again. Enter the scope in each step, or around the consuming loop.</item>
/// <item>A synchronous iterator (<c>IEnumerable</c>) runs inside the consumer's thread without any
/// ExecutionContext switch: a scope entered in it stays current in the consumer's loop body until the
/// iterator resumes and disposes it. Do not hold a scope across <c>yield return</c>.</item>
/// </list>
/// Scopes of the same namespace share one context (sockets, kept interface facts): entering a namespace
/// that is already entered costs an open and a stat of its file.
/// </remarks>
/// <example>
/// <code>
/// using (NetNamespace.Enter("blue"))      // like `ip -n blue`
/// {
///     // every NetIo call made here, and in tasks started here, acts on the namespace "blue"
/// }
/// </code>
/// </example>
public static class NetNamespace
{
    /// <summary>Where <c>ip netns add</c> mounts named namespaces.</summary>
    private const string NamedNamespaceDirectory = "/run/netns/";

    private static readonly AsyncLocal<NetNamespaceScope?> s_current = new();

    /// <summary>
    /// The scope the library targets in this thread or async flow, or null for the calling
    /// thread's own namespace. Set by <see cref="NetNamespaceScope"/> and around notification callbacks only.
    /// </summary>
    internal static NetNamespaceScope? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>
    /// The inode number of the network namespace the library currently targets: the current
    /// scope's, or else the calling thread's (<c>/proc/thread-self/ns/net</c>). Two namespaces are
    /// the same when their inodes are (what <c>readlink /proc/PID/ns/net</c> prints as <c>net:[INODE]</c>).
    /// </summary>
    /// <exception cref="NetIoException">The calling thread's namespace file cannot be read.</exception>
    public static ulong CurrentInode
    {
        get
        {
            if (Current is { } scope) return scope.Inode;
            var result = NetIo.DefaultBackend.GetThreadNamespaceInode(out var inode);
            return result.Error is { } error ? throw new NetIoException(error) : inode;
        }
    }

    /// <summary>
    /// Enters a network namespace until the returned scope is disposed.
    /// </summary>
    /// <param name="nameOrPath">
    /// A namespace name as <c>ip netns</c> knows it (the file /run/netns/NAME, like <c>ip -n NAME</c>),
    /// or, when it contains a '/', the path of a namespace file such as <c>/proc/PID/ns/net</c>.
    /// </param>
    /// <returns>A scope that makes the library act on the namespace; dispose it to leave.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nameOrPath"/> is null.</exception>
    /// <exception cref="NetIoException">
    /// <see cref="NetIoStatus.FileNotFound"/>: no such namespace or file.
    /// <see cref="NetIoStatus.InvalidParameter"/>: the name is empty or malformed, or the file is not a network namespace.
    /// <see cref="NetIoStatus.AccessDenied"/>: the process lacks CAP_SYS_ADMIN to enter it, or may not open the file.
    /// </exception>
    public static NetNamespaceScope Enter(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        bool isPath = nameOrPath.Contains('/');
        if (nameOrPath.Length == 0 || nameOrPath.Contains('\0') || (!isPath && nameOrPath is "." or ".."))
        {
            throw new NetIoException(new NetIoErrorDetail(NetIoStatus.InvalidParameter, 0, null, nameof(nameOrPath),
                $"'{nameOrPath}' is neither a network namespace name nor a path"));
        }

        string path = isPath ? nameOrPath : NamedNamespaceDirectory + nameOrPath;
        var status = NetIo.DefaultBackend.EnterNamespace(path, isPath ? null : nameOrPath, nameof(nameOrPath), out var context);
        return Start(status, context, nameOrPath);
    }

    /// <summary>
    /// Enters the network namespace that <paramref name="nsFd"/> refers to (an open namespace file,
    /// for example /proc/PID/ns/net) until the returned scope is disposed. The scope works on a
    /// duplicate of the descriptor: the caller may close <paramref name="nsFd"/> at once.
    /// </summary>
    /// <param name="nsFd">An open descriptor of a network namespace file.</param>
    /// <returns>A scope that makes the library act on the namespace; dispose it to leave.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nsFd"/> is null.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="nsFd"/> is closed.</exception>
    /// <exception cref="NetIoException">
    /// <see cref="NetIoStatus.InvalidParameter"/>: the descriptor is invalid or not a network namespace.
    /// <see cref="NetIoStatus.AccessDenied"/>: the process lacks CAP_SYS_ADMIN to enter it.
    /// </exception>
    public static NetNamespaceScope Enter(SafeFileHandle nsFd)
    {
        ArgumentNullException.ThrowIfNull(nsFd);
        ObjectDisposedException.ThrowIf(nsFd.IsClosed, nsFd);
        var status = NetIo.DefaultBackend.EnterNamespace(nsFd, nameof(nsFd), out var context);
        return Start(status, context, name: null);
    }

    private static NetNamespaceScope Start(BackendResult result, INetIoContext? context, string? name)
    {
        if (result.Error is { } error) throw new NetIoException(error);
        var scope = new NetNamespaceScope(context!, name);
        scope.MakeCurrent();
        return scope;
    }
}
