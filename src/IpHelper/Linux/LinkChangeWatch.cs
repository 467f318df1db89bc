using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// Tells kept interface facts whether they are still true: a subscription to RTNLGRP_LINK in one
/// namespace, polled without waiting. Every link change (new, changed or deleted link) is announced
/// on it before the change's request returns, so a look after the change always sees it. Facts are
/// tagged with the <see cref="Generation"/> they were read in and are good while it stays the same.
/// </summary>
internal sealed class LinkChangeWatch(NamespaceContext context) : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private readonly Lock _lock = new();
    private NetlinkSocket? _socket;
    private long _generation;

    /// <summary>
    /// A number that changes whenever a link changed (or notifications were lost) since the previous
    /// call; read it before reading the facts it will vouch for. The first call subscribes in the
    /// context's namespace; while it cannot, every call returns a new number.
    /// </summary>
    public long Generation()
    {
        lock (_lock)
        {
            if (_socket is null)
            {
                try
                {
                    _socket = context.OpenSubscriber([RtnlGroups.RTNLGRP_LINK], BufferBytes, datagramBufferBytes: 4096);
                }
                catch (Exception e) when (e is NetlinkException or ObjectDisposedException)
                {
                    // No subscription (out of descriptors, say): nothing may be kept, every call reads afresh.
                    return ++_generation;
                }
                _generation++;
            }
            else if (_socket.Drain())
            {
                _generation++;
            }
            return _generation;
        }
    }

    /// <summary>The link directory kept since the last link change, or a fresh one (kept for the next call).</summary>
    public BackendResult Directory(NetlinkSocket socket, out LinkDirectory directory)
    {
        var generation = Generation();
        if (_kept is { } kept && kept.Generation == generation)
        {
            directory = kept.Directory;
            return BackendResult.Success;
        }
        var status = LinkDirectory.Load(socket, out directory);
        if (status == NetIoStatus.Success) _kept = new Kept(directory, generation);
        return status;
    }

    private Kept? _kept;

    private sealed record Kept(LinkDirectory Directory, long Generation);

    /// <summary>Closes the subscription.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _socket?.Dispose();
            _socket = null;
            _generation++;
        }
    }
}
