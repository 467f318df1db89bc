using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Notifications;

/// <summary>
/// The one notification socket of a namespace, shared by every registration in it: joined to the union
/// of the groups they need (a group stays joined until the last registration is gone), read by the
/// <see cref="NotificationPump"/> thread, each message copied once and handed to every registration
/// (each table's source ignores messages of other tables and families). Its kernel receive buffer,
/// <see cref="ReceiveBufferBytes"/>, bounds the kernel memory queued notifications of the namespace can
/// take; a burst beyond it is an overrun (ENOBUFS), after which every registration of the namespace
/// re-reads its table.
/// </summary>
internal sealed class NamespaceEvents(NamespaceContext context) : IDisposable
{
    /// <summary>The kernel receive buffer of a namespace's notification socket (SO_RCVBUF; the kernel doubles it for its bookkeeping).</summary>
    public const int ReceiveBufferBytes = 512 * 1024;

    /// <summary>Notification datagrams are at most a page or two; a larger one grows the buffer.</summary>
    private const int DatagramBufferBytes = 32 * 1024;

    private readonly Lock _lock = new();
    private readonly HashSet<uint> _joined = [];
    private NetlinkSocket? _socket;
    private IEventSink[] _sinks = [];

    /// <summary>The namespace these events come from.</summary>
    public NamespaceContext Context => context;

    /// <summary>The socket the pump polls, or null while no registration runs.</summary>
    public NetlinkSocket? Socket => Volatile.Read(ref _socket);

    /// <summary>
    /// Feeds <paramref name="sink"/> from now on, after joining <paramref name="groups"/>: a change made
    /// after this returns reaches it.
    /// </summary>
    /// <exception cref="NetlinkException">The socket could not be opened or a group joined.</exception>
    public void Add(IEventSink sink, uint[] groups)
    {
        var registerWithPump = false;
        lock (_lock)
        {
            if (_socket is null)
            {
                _socket = context.OpenSubscriber(groups, ReceiveBufferBytes, DatagramBufferBytes);
                _joined.UnionWith(groups);
                registerWithPump = true;
            }
            else
            {
                foreach (var group in groups)
                {
                    if (_joined.Contains(group)) continue;
                    var error = _socket.JoinGroup(group);
                    if (error.Failed) throw new NetlinkException(error.Errno, $"cannot join rtnetlink group {group}", error.Message);
                    _joined.Add(group);
                }
            }
            _sinks = [.. _sinks, sink];
        }
        if (registerWithPump) NotificationPump.Register(this);
    }

    /// <summary>Stops feeding <paramref name="sink"/>; the last one out closes the socket.</summary>
    public void Remove(IEventSink sink)
    {
        NetlinkSocket? closing = null;
        lock (_lock)
        {
            _sinks = [.. _sinks.Where(s => s != sink)];
            if (_sinks.Length == 0 && _socket is not null)
            {
                closing = _socket;
                _socket = null;
                _joined.Clear();
            }
        }
        if (closing is null) return;
        NotificationPump.Unregister(this);
        closing.Dispose();
    }

    /// <summary>How many registrations are fed (for tests and the scale report).</summary>
    public int Count => Volatile.Read(ref _sinks).Length;

    /// <summary>Pump thread: reads every datagram queued on the socket and hands its messages out.</summary>
    public void Pump()
    {
        var socket = Socket;
        if (socket is null) return;
        var fanOut = new FanOut(Volatile.Read(ref _sinks));
        while (true)
        {
            var error = socket.ReceiveNotifications(ref fanOut, TimeSpan.Zero);
            if (error.Errno == Errno.ETIMEDOUT) return;
            if (error.Errno is Errno.ENOBUFS or Errno.EMSGSIZE)
            {
                foreach (var sink in fanOut.Sinks) sink.Overrun();
                continue;
            }
            if (error.Failed) return;
        }
    }

    /// <summary>Pump thread: ends every registration when the namespace was deleted.</summary>
    public void CheckGone()
    {
        if (Socket is null || !context.IsGone()) return;
        foreach (var sink in Volatile.Read(ref _sinks)) sink.NamespaceGone();
    }

    public void Dispose()
    {
        NetlinkSocket? closing;
        lock (_lock)
        {
            closing = _socket;
            _socket = null;
            _sinks = [];
        }
        if (closing is null) return;
        NotificationPump.Unregister(this);
        closing.Dispose();
    }

    private readonly struct FanOut(IEventSink[] sinks) : INetlinkReplyHandler
    {
        public IEventSink[] Sinks => sinks;

        public void OnMessage(in NetlinkMessage message)
        {
            var copy = new QueuedMessage(message);
            foreach (var sink in sinks) sink.Post(copy);
        }

        public void OnRestart() { }
    }
}
