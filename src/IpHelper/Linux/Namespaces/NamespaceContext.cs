using System.Runtime.InteropServices;
using IpHelper.Linux.Netlink;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux.Namespaces;

/// <summary>
/// Everything IpHelper keeps for one network namespace, owned in one place: the anchor socket that
/// holds the namespace (a socket holds a reference on its namespace; the descriptor the namespace was
/// entered by is closed at once) and is also its link watch, the pooled request sockets, the interface
/// facts the link watch vouches for, the interface-metric store, the anycast memberships, and the
/// backend bound to it. A context has no thread: work that Linux ties to the calling thread's namespace
/// (making a socket, opening a /proc file) runs on one of the process's two <see cref="NamespaceWorker"/>
/// threads, which joins the namespace through a descriptor the anchor socket gives. There is at most one
/// context per namespace in the process: scopes, subscriptions and anycast memberships of the same
/// namespace share it.
/// <para>
/// Reference counted: a scope holds a reference, a running subscription holds its own, each held
/// anycast membership holds one, and the process's own namespace holds its context for the process's
/// life. When the last reference goes the context closes its sockets (the kernel frees the namespace
/// once nothing else holds it).
/// </para>
/// <para>
/// Identity: the namespace cookie (SO_NETNS_COOKIE) names it where something outlives the process
/// (the metric store); the registry finds a context by the namespace's inode, which no other
/// namespace can have while the context holds the namespace open.
/// </para>
/// </summary>
internal sealed class NamespaceContext
{
    /// <summary>The network namespace of the calling thread (/proc/self/ns/net follows the main thread).</summary>
    internal const string ThreadNamespacePath = "/proc/thread-self/ns/net";

    private static readonly Lock s_registry = new();
    private static readonly Dictionary<(ulong Device, ulong Inode), NamespaceContext> s_open = [];
    private static NamespaceContext? s_process;
    private static SafeFileHandle? s_processNamespace;

    private readonly NamespaceWorker? _worker;
    private readonly Lock _lock = new();
    private int _references = 1;
    private LinkChangeWatch? _links;
    private Notifications.NamespaceEvents? _events;
    private InterfaceMetricStore? _metrics;
    private ulong? _cookie;
    private (ulong Device, ulong Inode) _key;

    private NamespaceContext(bool isProcess, ulong inode, string? name, string? path)
    {
        Inode = inode;
        Name = name;
        Path = path;
        if (!isProcess) _worker = NamespaceWorker.Next();
        Sockets = new RtnlSockets(this, isProcess ? 4 : 1);
        Anycast = new AnycastMemberships(this);
        Backend = new LinuxBackend(this);
    }

    /// <summary>
    /// The context of the process's own namespace (the namespace of the thread that first asked),
    /// created on first use and never released. Its work runs on the calling thread.
    /// </summary>
    public static NamespaceContext Process
    {
        get
        {
            if (Volatile.Read(ref s_process) is { } process) return process;
            lock (s_registry)
            {
                if (s_process is not null) return s_process;
                var fd = OpenThreadNamespace();
                ulong device = 0;
                var inode = fd is null ? 0 : StatInode(fd, out device, out _);
                // Kept for the process's life: where a worker goes back to when it leaves a namespace.
                s_processNamespace = fd;
                var created = new NamespaceContext(isProcess: true, inode, name: null, path: null);
                if (inode != 0) s_open[(device, inode)] = created;
                created._key = (device, inode);
                Volatile.Write(ref s_process, created);
                return created;
            }
        }
    }

    /// <summary>The inode number of the namespace file.</summary>
    public ulong Inode { get; }

    /// <summary>The name the namespace was first entered by (<c>ip netns</c> name or path), or null.</summary>
    public string? Name { get; }

    /// <summary>The file the namespace was first entered through, or null (a descriptor, or the process's own).</summary>
    public string? Path { get; }

    /// <summary>The process's own network namespace (a descriptor kept for the process's life), or null when it could not be opened.</summary>
    internal static SafeFileHandle? ProcessNamespace
    {
        get
        {
            _ = Process;
            return s_processNamespace;
        }
    }

    /// <summary>True for the process's own namespace, whose work runs on the calling thread.</summary>
    public bool IsProcess => _worker is null;

    /// <summary>The Linux backend bound to this namespace.</summary>
    public LinuxBackend Backend { get; }

    /// <summary>The pool of request sockets opened in this namespace.</summary>
    public RtnlSockets Sockets { get; }

    /// <summary>The IPv6 anycast memberships held in this namespace.</summary>
    public AnycastMemberships Anycast { get; }

    /// <summary>The one map of interface facts kept between calls, and the link watch that says whether it is still true.</summary>
    public LinkChangeWatch Links
    {
        get
        {
            if (Volatile.Read(ref _links) is { } links) return links;
            lock (_lock) return _links ??= new LinkChangeWatch(this, anchor: null);
        }
    }

    /// <summary>The namespace's shared notification socket, fed to every registration in it (opened with the first).</summary>
    public Notifications.NamespaceEvents Events
    {
        get
        {
            if (Volatile.Read(ref _events) is { } events) return events;
            lock (_lock) return _events ??= new Notifications.NamespaceEvents(this);
        }
    }

    /// <summary>The interface-metric store of this namespace (its file is named after the namespace cookie).</summary>
    public InterfaceMetricStore Metrics
    {
        get
        {
            if (Volatile.Read(ref _metrics) is { } metrics) return metrics;
            lock (_lock) return _metrics ??= new InterfaceMetricStore(Cookie, Inode);
        }
    }

    /// <summary>SO_NETNS_COOKIE of the namespace (never reused while the system runs), or null before Linux 5.14.</summary>
    public ulong? Cookie
    {
        get
        {
            if (_cookie is { } known) return known;
            using var lease = Sockets.Rent();
            return _cookie = lease.Socket.NamespaceCookie();
        }
    }

    /// <summary>
    /// Finds or creates the context of the namespace <paramref name="fd"/> refers to (the file
    /// <paramref name="inode"/> on <paramref name="device"/>) and takes a reference to it. Takes over
    /// <paramref name="fd"/> (closed when an existing context is used). Returns 0, or the errno of a
    /// failed setns (EINVAL: not a network namespace; the descriptor is then closed).
    /// </summary>
    public static int Acquire(SafeFileHandle fd, ulong device, ulong inode, string? name, string? path, out NamespaceContext? context)
    {
        _ = Process;
        var key = (device, inode);
        lock (s_registry)
        {
            if (s_open.TryGetValue(key, out var existing) && !existing.IsProcess)
            {
                existing._references++;
                fd.Dispose();
                context = existing;
                return 0;
            }
        }

        if (s_process is { } process && key == process._key)
        {
            // The process's own namespace needs no thread, but entering it is still an entry: without
            // CAP_SYS_ADMIN, setns refuses it (EPERM) as it refuses any other. Checked on the calling
            // thread, which setns leaves where it is (it is already there).
            var denied = 0;
            using (var thread = OpenThreadNamespace())
            {
                ulong threadDevice = 0;
                if (thread is not null && StatInode(thread, out threadDevice, out _) is var threadInode && (threadDevice, threadInode) == key
                    && Interop.setns(fd, Interop.CLONE_NEWNET) != 0)
                    denied = Marshal.GetLastPInvokeError();
            }
            fd.Dispose();
            context = denied == 0 ? process.AddReference() : null;
            return denied;
        }

        var created = new NamespaceContext(isProcess: false, inode, name, path) { _key = key };
        int errno;
        try
        {
            // The anchor is the link watch: one socket that holds the namespace and says when links change.
            errno = created.AdoptHere(fd, static () => LinkChangeWatch.Subscribe(), out var anchor);
            if (errno == 0) created._links = new LinkChangeWatch(created, anchor);
        }
        catch (Netlink.NetlinkException e)
        {
            errno = e.Errno != 0 ? e.Errno : Errno.EIO;
        }
        // The anchor socket now holds the namespace: the descriptor is not needed any more (one fewer per namespace).
        fd.Dispose();
        if (errno != 0)
        {
            created.Close();
            context = null;
            return errno;
        }

        lock (s_registry)
        {
            // Another flow may have entered the same namespace meanwhile: one context per namespace.
            if (s_open.TryGetValue(key, out var raced))
            {
                raced._references++;
                context = raced;
            }
            else
            {
                s_open[key] = created;
                context = created;
                return 0;
            }
        }
        created.Close();
        return 0;
    }

    /// <summary>Takes one more reference (for a subscription or membership that outlives its caller's).</summary>
    public NamespaceContext AddReference()
    {
        lock (s_registry)
        {
            ObjectDisposedException.ThrowIf(_references == 0, this);
            _references++;
        }
        return this;
    }

    /// <summary>Gives one reference back; the last one closes the context. The process's context is never closed.</summary>
    public void Release()
    {
        lock (s_registry)
        {
            if (_references == 0 || --_references > 0 || IsProcess) return;
            s_open.Remove(_key);
        }
        Close();
    }

    /// <summary>How many contexts are open (the process's included): for leak tests.</summary>
    internal static int OpenCount
    {
        get
        {
            lock (s_registry) return s_open.Count;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in this namespace: on the context's worker thread (which joins the
    /// namespace if it is elsewhere), or on the calling thread for the process's own namespace. Sockets
    /// and /proc/sys/net or /proc/thread-self/net files made there belong to this namespace for life.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The context is closed.</exception>
    /// <exception cref="Netlink.NetlinkException">The namespace could not be joined.</exception>
    public T Run<T>(Func<T> work) => _worker is null ? work() : _worker.Invoke(this, work);

    /// <summary>
    /// Runs short <paramref name="work"/> (making a socket, reading a /proc/sys/net or /proc/thread-self/net
    /// file) in this namespace on the calling thread: the thread joins the namespace (setns, through a
    /// descriptor the anchor socket gives) and goes back to its own at once. A hop to a worker costs a
    /// wake-up of another thread (tens of microseconds on a virtual machine whose other CPU is idle, and
    /// a thread start the first time); this costs six system calls. Falls back to <see cref="Run{T}"/>
    /// when the thread may not join (no CAP_SYS_ADMIN) or is a worker.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The context is closed.</exception>
    public T RunHere<T>(Func<T> work)
    {
        if (IsProcess) return work();
        if (NamespaceWorker.IsWorkerThread) return Run(work);
        using var home = Interop.open(ThreadNamespacePath, Interop.O_RDONLY | Interop.O_CLOEXEC);
        using var target = home.IsInvalid ? null : OpenNamespace(out _);
        if (target is null || Interop.setns(target, Interop.CLONE_NEWNET) != 0) return Run(work);
        return ThenReturn(home, work);
    }

    /// <summary>
    /// Makes the anchor in the namespace <paramref name="fd"/> refers to, on the calling thread when it can
    /// go back to its own namespace afterwards (else on the worker): returns the errno of a failed setns
    /// (EINVAL: not a network namespace; EPERM: no CAP_SYS_ADMIN), else 0 with <paramref name="work"/>'s result.
    /// </summary>
    private int AdoptHere<T>(SafeFileHandle fd, Func<T> work, out T? result)
    {
        result = default;
        if (NamespaceWorker.IsWorkerThread) return _worker!.Adopt(this, fd, work, out result);
        using var home = Interop.open(ThreadNamespacePath, Interop.O_RDONLY | Interop.O_CLOEXEC);
        if (home.IsInvalid) return _worker!.Adopt(this, fd, work, out result);
        if (Interop.setns(fd, Interop.CLONE_NEWNET) != 0) return Marshal.GetLastPInvokeError();
        result = ThenReturn(home, work);
        return 0;
    }

    /// <summary>Runs <paramref name="work"/> on a thread that joined another namespace, then sends the thread back to <paramref name="home"/>.</summary>
    private static T ThenReturn<T>(SafeFileHandle home, Func<T> work)
    {
        try
        {
            return work();
        }
        finally
        {
            // The thread came from there a moment ago with the same capabilities; should the kernel refuse
            // it back, the thread would act in the wrong namespace from now on: that must not go unnoticed.
            if (Interop.setns(home, Interop.CLONE_NEWNET) != 0)
                Environment.FailFast($"IpHelper could not return a thread to its network namespace: {Errno.Name(Marshal.GetLastPInvokeError())}");
        }
    }

    /// <summary>
    /// The text of /proc/thread-self/net/<paramref name="file"/> as a thread in this namespace sees it
    /// (/proc/net follows the process's main thread and would show the wrong namespace).
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (FileNotFoundException when the kernel has none).</exception>
    public string ReadProcNet(string file) => RunHere(() => File.ReadAllText("/proc/thread-self/net/" + file));

    /// <summary>
    /// A new descriptor of this namespace (SIOCGSKNS on the anchor socket), for a worker to join it; null
    /// with the errno when the kernel refuses (EPERM without CAP_NET_ADMIN over the namespace).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The context is closed.</exception>
    internal unsafe SafeFileHandle? OpenNamespace(out int errno)
    {
        errno = 0;
        var anchor = Volatile.Read(ref _links)?.Socket ?? throw new ObjectDisposedException(nameof(NamespaceContext));
        var fd = Interop.ioctl(anchor.Handle, Interop.SIOCGSKNS, null);
        if (fd >= 0) return new SafeFileHandle(fd, ownsHandle: true);
        errno = Marshal.GetLastPInvokeError();
        return null;
    }

    /// <summary>
    /// Opens a request socket of <paramref name="protocol"/> in this namespace, connected to the kernel
    /// (<see cref="NetlinkSocket.ConnectToKernel"/>: no other process can send to it, so its receives
    /// skip the sender check).
    /// </summary>
    /// <exception cref="Netlink.NetlinkException">The socket could not be created or bound.</exception>
    /// <remarks>
    /// Outside the process's own namespace the socket starts with a 64 KiB receive buffer instead of the
    /// default: the kernel never makes a dump datagram larger than 32 KiB, and a thousand namespaces
    /// should not each keep a quarter of a megabyte.
    /// </remarks>
    public NetlinkSocket OpenSocket(int protocol = NetlinkConstants.NETLINK_ROUTE)
    {
        var socket = IsProcess
            ? NetlinkSocket.Open(protocol)
            : RunHere(() => NetlinkSocket.Open(protocol, datagramBufferBytes: 64 * 1024));
        socket.ConnectToKernel();
        return socket;
    }

    /// <summary>Opens a notification socket joined to <paramref name="groups"/> in this namespace.</summary>
    /// <exception cref="Netlink.NetlinkException">The socket could not be opened or a group joined.</exception>
    public NetlinkSocket OpenSubscriber(uint[] groups, int receiveBufferBytes, int datagramBufferBytes = 256 * 1024) =>
        RunHere(() => NetlinkSocket.OpenSubscriber(groups, receiveBufferBytes, datagramBufferBytes));

    /// <summary>
    /// True when the namespace was entered by a name or path that no longer names it (<c>ip netns del</c>
    /// unmounted it, the process whose /proc/PID/ns/net it was has exited). A namespace entered by a
    /// descriptor, and the process's own, are never gone: their holder decides their lifetime.
    /// </summary>
    public bool IsGone()
    {
        if (Path is null) return false;
        using var fd = Interop.open(Path, Interop.O_RDONLY | Interop.O_CLOEXEC);
        return fd.IsInvalid || StatInode(fd, out var device, out _) != Inode || device != _key.Device;
    }

    /// <summary>The inode of an open namespace file and the device it is on, or 0 with the errno.</summary>
    internal static ulong StatInode(SafeFileHandle fd, out ulong device, out int errno)
    {
        errno = 0;
        device = 0;
        if (Interop.statx(fd, "", Interop.AT_EMPTY_PATH, Interop.STATX_INO, out Interop.StatxBuffer buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return 0;
        }
        if ((buffer.Mask & Interop.STATX_INO) == 0)
        {
            errno = Errno.EOPNOTSUPP;
            return 0;
        }
        device = (ulong)buffer.DevMajor << 32 | buffer.DevMinor;
        return buffer.Ino;
    }

    private static SafeFileHandle? OpenThreadNamespace()
    {
        var fd = Interop.open(ThreadNamespacePath, Interop.O_RDONLY | Interop.O_CLOEXEC);
        if (!fd.IsInvalid) return fd;
        fd.Dispose();
        return null;
    }

    private void Close()
    {
        Sockets.Dispose();
        Anycast.Dispose();
        _worker?.Leave(this);
        lock (_lock)
        {
            _events?.Dispose();
            _links?.Dispose();
        }
    }
}
