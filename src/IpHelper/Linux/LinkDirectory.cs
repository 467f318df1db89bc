using System.Text;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>What the neighbour, path, address and route code needs to know about one link.</summary>
/// <param name="Index">The ifindex.</param>
/// <param name="Luid">The LUID Windows would give the link (see docs/mapping.md).</param>
/// <param name="Name">The interface name.</param>
/// <param name="Mtu">IFLA_MTU.</param>
/// <param name="AddressLength">The length of the link-layer address (IFLA_ADDRESS), 0 when the link has none.</param>
/// <param name="Flags">The IFF_* flags.</param>
internal readonly record struct LinkFacts(int Index, NetLuid Luid, string Name, uint Mtu, int AddressLength, uint Flags)
{
    /// <summary>True when the link resolves neighbours (ARP/ND): it has a link-layer address and no IFF_NOARP.</summary>
    public bool ResolvesNeighbors => AddressLength > 0 && (Flags & (LinkConstants.IFF_NOARP | LinkConstants.IFF_LOOPBACK)) == 0;

    /// <summary>True when the link is administratively up and has its lower layer up (IFF_UP and IFF_LOWER_UP).</summary>
    public bool IsUp => (Flags & (LinkConstants.IFF_UP | LinkConstants.IFF_LOWER_UP)) == (LinkConstants.IFF_UP | LinkConstants.IFF_LOWER_UP);

    /// <summary>True for a loopback device (IFF_LOOPBACK).</summary>
    public bool IsLoopback => (Flags & LinkConstants.IFF_LOOPBACK) != 0;
}

/// <summary>
/// The one map of interface facts: the links of a namespace by ifindex, from one RTM_GETLINK dump
/// (<see cref="IsComplete"/>), or filled link by link with one RTM_GETLINK each (<see cref="TryLoad"/>),
/// without counters. The namespace's context keeps one between calls, for as long as its link watch sees
/// no link change (<see cref="LinkChangeWatch"/>); route rows read it through a <see cref="RouteInterfaceMap"/>.
/// Safe to share between threads.
/// </summary>
internal sealed class LinkDirectory
{
    private readonly Dictionary<int, LinkFacts> _links = [];
    private readonly Lock _lock = new();

    /// <summary>True when the directory came from a dump of every link.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The ifindex of the first loopback device seen (1 in every namespace), or 0.</summary>
    public int LoopbackIndex { get; private set; }

    /// <summary>Every link of the socket's namespace.</summary>
    public static BackendResult Load(NetlinkSocket socket, out LinkDirectory directory)
    {
        var error = LoadAll(socket, out directory);
        if (error.Errno == Errno.EBADMSG) return BackendResult.Fail(NetIoStatus.InvalidData, "RTM_GETLINK dump: a message could not be decoded", errno: Errno.EBADMSG);
        if (error.Failed) return BackendResult.Fail(error.Status, $"RTM_GETLINK dump: {error}", errno: error.Errno, kernelMessage: error.Message);
        return BackendResult.Success;
    }

    /// <summary>Every link of the socket's namespace; the kernel's error, or EBADMSG for a message that could not be decoded.</summary>
    public static NetlinkError LoadAll(NetlinkSocket socket, out LinkDirectory directory)
    {
        directory = new LinkDirectory();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics: false);
        var collector = new Collector(directory);
        var error = socket.Dump(request, ref collector);
        if (error.Failed) return error;
        if (collector.Malformed) return new NetlinkError(Errno.EBADMSG, "RTM_GETLINK dump: a message could not be decoded");
        directory.IsComplete = true;
        return NetlinkError.None;
    }

    /// <summary>One link; FileNotFound when it does not exist.</summary>
    public static BackendResult LoadOne(NetlinkSocket socket, int index, out LinkFacts facts)
    {
        var directory = new LinkDirectory();
        if (directory.TryLoad(socket, index, out var error))
        {
            directory.TryGet(index, out facts);
            return BackendResult.Success;
        }
        facts = default;
        return error.Failed
            ? BackendResult.Fail(error.Status, $"RTM_GETLINK: {error}", errno: error.Errno, kernelMessage: error.Message)
            : BackendResult.Fail(NetIoStatus.FileNotFound, $"no interface has index {index}", "InterfaceIndex");
    }

    /// <summary>
    /// Adds the link with this index with one RTM_GETLINK; false when it does not exist (then
    /// <paramref name="error"/> is None) or the request failed.
    /// </summary>
    public bool TryLoad(NetlinkSocket socket, int index, out NetlinkError error)
    {
        using var request = new NetlinkMessageWriter();
        LinkRequest.Get(request, index, null, withStatistics: false);
        var collector = new Collector(this);
        error = socket.Execute(request, ref collector);
        if (error.Errno == Errno.ENODEV)
        {
            error = NetlinkError.None;
            return false;
        }
        if (!error.Failed && collector.Malformed) error = new NetlinkError(Errno.EBADMSG, "malformed RTM_NEWLINK");
        return !error.Failed && TryGet(index, out _);
    }

    public bool TryGet(int index, out LinkFacts facts)
    {
        lock (_lock) return _links.TryGetValue(index, out facts);
    }

    /// <summary>The LUID of the link, or the zero LUID when the directory does not know it.</summary>
    public NetLuid LuidOf(int index) => TryGet(index, out var facts) ? facts.Luid : default;

    private void Add(in LinkMessage link)
    {
        var facts = new LinkFacts(link.Index, LinuxBackend.LuidOf(link), Encoding.UTF8.GetString(link.Name), link.Mtu, link.Address.Length, link.Flags);
        lock (_lock)
        {
            _links[link.Index] = facts;
            if (facts.IsLoopback && LoopbackIndex == 0) LoopbackIndex = link.Index;
        }
    }

    private void Clear()
    {
        lock (_lock)
        {
            _links.Clear();
            LoopbackIndex = 0;
        }
    }

    private struct Collector(LinkDirectory directory) : INetlinkReplyHandler
    {
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (LinkMessage.TryDecode(message, out var link)) directory.Add(link);
            else Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
        }

        public readonly void OnRestart() => directory.Clear();
    }
}
