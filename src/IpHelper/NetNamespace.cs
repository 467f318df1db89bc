using System.Runtime.InteropServices;
using IpHelper.Linux;
using Microsoft.Win32.SafeHandles;

namespace IpHelper;

/// <summary>
/// Network namespaces, the Linux counterpart of Windows network compartments. Every IP Helper call
/// made inside a <see cref="NetNamespaceScope"/> (on the same thread, or in async code started
/// from it) acts on the scope's namespace; outside any scope the library acts on the network
/// namespace of the calling thread, which is normally the process's own.
/// </summary>
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

    /// <summary>The network namespace of the calling thread (/proc/self/ns/net follows the main thread).</summary>
    private const string ThreadNamespacePath = "/proc/thread-self/ns/net";

    private static readonly AsyncLocal<NetNamespaceScope?> s_current = new();

    /// <summary>
    /// The scope the library targets in this thread or async flow, or null for the calling
    /// thread's own namespace. Set by <see cref="NetNamespaceScope"/> only.
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
            using SafeFileHandle fd = Open(ThreadNamespacePath, name: null, argument: null);
            return Inode(fd, ThreadNamespacePath);
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
            throw Failure(NetIoStatus.InvalidParameter, $"'{nameOrPath}' is neither a network namespace name nor a path", nameof(nameOrPath));
        }

        string path = isPath ? nameOrPath : NamedNamespaceDirectory + nameOrPath;
        return Start(Open(path, isPath ? null : nameOrPath, nameof(nameOrPath)), nameOrPath, path, nameof(nameOrPath));
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
        SafeFileHandle fd = Interop.fcntl(nsFd, Interop.F_DUPFD_CLOEXEC, 0);
        if (fd.IsInvalid)
        {
            int errno = Marshal.GetLastPInvokeError();
            fd.Dispose();
            throw errno == Errno.EBADF
                ? Failure(NetIoStatus.InvalidParameter, "the namespace descriptor is not an open file descriptor", nameof(nsFd), errno)
                : Failure(Errno.ToStatus(errno), "cannot duplicate the namespace descriptor", nameof(nsFd), errno);
        }

        return Start(fd, name: null, "the namespace descriptor", nameof(nsFd));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the namespace the library targets: on the current scope's
    /// thread when there is one (sockets created and /proc/sys/net or /proc/thread-self/net files
    /// opened there belong to the scope's namespace for life), else directly on the calling thread.
    /// AsyncLocal values that <paramref name="work"/> sets do not flow back to the caller.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The current scope has been disposed (by another flow).</exception>
    internal static T Run<T>(Func<T> work) => Current is { } scope ? scope.Invoke(work) : work();

    /// <summary>True when no scope is current, so calls act on the process's own namespace.</summary>
    internal static bool IsDefault => Current is null;

    /// <summary>
    /// Opens a namespace file; <paramref name="name"/> is the bare name it was given as, if any, and
    /// <paramref name="argument"/> the parameter a failure is blamed on.
    /// </summary>
    private static SafeFileHandle Open(string path, string? name, string? argument)
    {
        SafeFileHandle fd = Interop.open(path, Interop.O_RDONLY | Interop.O_CLOEXEC);
        if (!fd.IsInvalid) return fd;

        int errno = Marshal.GetLastPInvokeError();
        fd.Dispose();
        throw errno switch
        {
            Errno.ENOENT when name is not null => Failure(NetIoStatus.FileNotFound,
                $"there is no network namespace named '{name}' ({path} does not exist; see 'ip netns list')", argument, errno),
            Errno.ENOENT => Failure(NetIoStatus.FileNotFound, $"{path} does not exist", argument, errno),
            _ => Failure(Errno.ToStatus(errno), $"cannot open {path}", argument, errno),
        };
    }

    /// <summary>The inode number of the open namespace file <paramref name="fd"/>.</summary>
    private static ulong Inode(SafeFileHandle fd, string what)
    {
        if (Interop.statx(fd, "", Interop.AT_EMPTY_PATH, Interop.STATX_INO, out Interop.StatxBuffer buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw Failure(Errno.ToStatus(errno), $"cannot stat {what}", argument: null, errno);
        }

        if ((buffer.Mask & Interop.STATX_INO) == 0)
        {
            throw Failure(NetIoStatus.NotSupported, $"the kernel did not report the inode of {what}", argument: null);
        }

        return buffer.Ino;
    }

    /// <summary>
    /// Makes a scope of the namespace file <paramref name="fd"/> (which it takes over) and makes it current.
    /// </summary>
    private static NetNamespaceScope Start(SafeFileHandle fd, string? name, string what, string argument)
    {
        NetNamespaceScope scope;
        try
        {
            scope = new NetNamespaceScope(fd, name, Inode(fd, what));
        }
        catch
        {
            fd.Dispose();
            throw;
        }

        int errno = scope.Invoke(() => Interop.setns(fd, Interop.CLONE_NEWNET) == 0 ? 0 : Marshal.GetLastPInvokeError());
        if (errno != 0)
        {
            scope.Dispose();
            throw errno switch
            {
                Errno.EINVAL => Failure(NetIoStatus.InvalidParameter, $"{what} is not a network namespace", argument, errno),
                Errno.EPERM => Failure(NetIoStatus.AccessDenied,
                    $"entering the network namespace {what} needs CAP_SYS_ADMIN", argument, errno),
                _ => Failure(Errno.ToStatus(errno), $"cannot enter the network namespace {what}", argument, errno),
            };
        }

        scope.MakeCurrent();
        return scope;
    }

    private static NetIoException Failure(NetIoStatus status, string message, string? argument, int errno = 0) =>
        new(new NetIoErrorDetail(status, errno, KernelMessage: null, argument, message));
}
