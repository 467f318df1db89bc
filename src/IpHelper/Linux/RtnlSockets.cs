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

    /// <summary>Sockets in the pool, or about to be: ConcurrentBag.Count would take every thread's lock on each return.</summary>
    private int _pooled;
    private long _dumpRestarts, _dumpsRacedByAdditions;

    /// <summary>Dumps repeated (NLM_F_DUMP_INTR, or a removal seen during an IPv6 route dump) on this pool's sockets, counted as they are given back.</summary>
    public long DumpRestarts => Interlocked.Read(ref _dumpRestarts);

    /// <summary>IPv6 route dumps kept although routes were added during them (duplicates removed), counted as sockets are given back.</summary>
    public long DumpsRacedByAdditions => Interlocked.Read(ref _dumpsRacedByAdditions);

    /// <summary>A socket for one call; dispose the lease to give it back.</summary>
    /// <exception cref="NetIoException">No socket could be opened.</exception>
    /// <exception cref="ObjectDisposedException">The context is closed.</exception>
    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var socket = TryTake(out var pooled) ? pooled : Open(context);
        return new Lease(this, socket, socket.DumpRestarts, socket.DumpsRacedByAdditions);
    }

    /// <summary>
    /// Opens a socket of <paramref name="protocol"/> for one call in <paramref name="context"/>'s namespace.
    /// A socket that cannot be made (EMFILE, ENOBUFS) leaves the call as the NetIoException it always was:
    /// the one failure of a call that is thrown rather than returned.
    /// </summary>
    /// <exception cref="NetIoException">No socket could be opened.</exception>
    public static NetlinkSocket Open(NamespaceContext context, int protocol = NetlinkConstants.NETLINK_ROUTE)
    {
        try
        {
            return context.OpenSocket(protocol);
        }
        catch (NetlinkException e)
        {
            throw new NetIoException(e.Detail);
        }
    }

    /// <summary>Closes the kept sockets; sockets still leased are closed when given back.</summary>
    public void Dispose()
    {
        _closed = true;
        while (TryTake(out var socket)) socket.Dispose();
    }

    private void Return(NetlinkSocket socket, long restartsBefore, long racedBefore)
    {
        Count(socket, restartsBefore, racedBefore);
        if (_closed)
        {
            socket.Dispose();
            return;
        }
        if (Interlocked.Increment(ref _pooled) > maxPooled)
        {
            Interlocked.Decrement(ref _pooled);
            socket.Dispose();
            return;
        }
        _pool.Add(socket);
        // Closed while it was being given back: do not keep it.
        if (_closed && TryTake(out var late)) late.Dispose();
    }

    private bool TryTake(out NetlinkSocket socket)
    {
        if (!_pool.TryTake(out socket!)) return false;
        Interlocked.Decrement(ref _pooled);
        return true;
    }

    private void Discard(NetlinkSocket socket, long restartsBefore, long racedBefore)
    {
        Count(socket, restartsBefore, racedBefore);
        socket.Dispose();
    }

    private void Count(NetlinkSocket socket, long restartsBefore, long racedBefore)
    {
        if (socket.DumpRestarts != restartsBefore) Interlocked.Add(ref _dumpRestarts, socket.DumpRestarts - restartsBefore);
        if (socket.DumpsRacedByAdditions != racedBefore) Interlocked.Add(ref _dumpsRacedByAdditions, socket.DumpsRacedByAdditions - racedBefore);
    }

    internal readonly struct Lease(RtnlSockets owner, NetlinkSocket socket, long restartsBefore, long racedBefore) : IDisposable
    {
        public NetlinkSocket Socket { get; } = socket;

        public void Dispose() => owner.Return(Socket, restartsBefore, racedBefore);

        /// <summary>
        /// Closes the socket instead of giving it back: a socket whose dump was abandoned halfway would refuse
        /// its next dump (EBUSY) until the old one were read to the end; closing ends the dump in the kernel.
        /// </summary>
        public void Discard() => owner.Discard(Socket, restartsBefore, racedBefore);
    }
}
