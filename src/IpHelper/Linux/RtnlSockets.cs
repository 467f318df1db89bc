using System.Collections.Concurrent;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// The request sockets of one namespace: opened there (on its context's thread) when none is free,
/// kept for reuse up to a small number, closed with the context. A socket serves one call at a time.
/// </summary>
internal sealed class RtnlSockets(NamespaceContext context, int maxPooled) : IDisposable
{
    private readonly ConcurrentBag<NetlinkSocket> _pool = [];
    private volatile bool _closed;

    /// <summary>A socket for one call; dispose the lease to give it back.</summary>
    /// <exception cref="NetIoException">No socket could be opened.</exception>
    /// <exception cref="ObjectDisposedException">The context is closed.</exception>
    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        return _pool.TryTake(out var pooled) ? new Lease(this, pooled) : new Lease(this, context.OpenSocket());
    }

    /// <summary>Closes the kept sockets; sockets still leased are closed when given back.</summary>
    public void Dispose()
    {
        _closed = true;
        while (_pool.TryTake(out var socket)) socket.Dispose();
    }

    private void Return(NetlinkSocket socket)
    {
        if (_closed || _pool.Count >= maxPooled)
        {
            socket.Dispose();
            return;
        }
        _pool.Add(socket);
        // Closed while it was being given back: do not keep it.
        if (_closed && _pool.TryTake(out var late)) late.Dispose();
    }

    internal readonly struct Lease(RtnlSockets owner, NetlinkSocket socket) : IDisposable
    {
        public NetlinkSocket Socket { get; } = socket;

        public void Dispose() => owner.Return(Socket);
    }
}
