using System.Text;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>What the neighbour and path code needs to know about one link.</summary>
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
}

/// <summary>The links of the namespace by ifindex, from one RTM_GETLINK dump (or one RTM_GETLINK for a single link), without counters.</summary>
internal sealed class LinkDirectory
{
    private readonly Dictionary<int, LinkFacts> _links = [];

    private LinkDirectory() { }

    /// <summary>Every link of the socket's namespace.</summary>
    public static BackendResult Load(NetlinkSocket socket, out LinkDirectory directory)
    {
        directory = new LinkDirectory();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics: false);
        var collector = new Collector(directory);
        var error = socket.Dump(request, ref collector);
        if (error.Failed) return BackendResult.Fail(error.Status, $"RTM_GETLINK dump: {error}", errno: error.Errno, kernelMessage: error.Message);
        return collector.Malformed ? BackendResult.Fail(NetIoStatus.InvalidData, "RTM_GETLINK dump: a message could not be decoded", errno: Errno.EBADMSG) : BackendResult.Success;
    }

    /// <summary>One link; FileNotFound when it does not exist.</summary>
    public static BackendResult LoadOne(NetlinkSocket socket, int index, out LinkFacts facts)
    {
        facts = default;
        var directory = new LinkDirectory();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Get(request, index, null, withStatistics: false);
        var collector = new Collector(directory);
        var error = socket.Execute(request, ref collector);
        var missing = BackendResult.Fail(NetIoStatus.FileNotFound, $"no interface has index {index}", "InterfaceIndex");
        if (error.Errno == Errno.ENODEV) return missing;
        if (error.Failed) return BackendResult.Fail(error.Status, $"RTM_GETLINK: {error}", errno: error.Errno, kernelMessage: error.Message);
        return directory.TryGet(index, out facts) ? BackendResult.Success : missing;
    }

    public bool TryGet(int index, out LinkFacts facts) => _links.TryGetValue(index, out facts);

    /// <summary>The LUID of the link, or the zero LUID when the link is gone.</summary>
    public NetLuid LuidOf(int index) => _links.TryGetValue(index, out var facts) ? facts.Luid : default;

    private struct Collector(LinkDirectory directory) : INetlinkReplyHandler
    {
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!LinkMessage.TryDecode(message, out var link))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
                return;
            }
            directory._links[link.Index] = new LinkFacts(link.Index, LinuxBackend.LuidOf(link), Encoding.UTF8.GetString(link.Name),
                link.Mtu, link.Address.Length, link.Flags);
        }

        public readonly void OnRestart() => directory._links.Clear();
    }
}
