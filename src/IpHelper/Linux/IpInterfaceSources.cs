using System.Net.Sockets;
using System.Text;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// The per-call inputs of MIB_IPINTERFACE_ROW besides the link itself: the neighbour-table
/// parameters of each interface (one RTM_GETNEIGHTBL dump per family), the link-local interface
/// identifiers (one RTM_GETADDR dump), the namespace-wide sysctls and the interface metrics. Read
/// once per Get or table call, then <see cref="FactsOf"/> combines them with each link.
/// </summary>
internal sealed class IpInterfaceSources
{
    private const byte LinuxAfInet = 2, LinuxAfInet6 = 10;

    /// <summary>The IPv4 sysctl first, then the IPv6 ones.</summary>
    private static readonly string[] s_sysctls = ["ipv4/route/mtu_expires", "ipv6/route/mtu_expires", "ipv6/conf/all/accept_dad", "ipv6/conf/default/addr_gen_mode"];

    private readonly Dictionary<int, NeighborTableParameters> _neighbor4 = [], _neighbor6 = [];
    private readonly Dictionary<(AddressFamily, uint), (byte[] Name, uint Metric)> _metrics = [];
    private LinkLocalInterfaceIds _linkLocal = new();
    private long _mtuExpires4, _mtuExpires6;
    private int _allAcceptDad, _defaultAddrGenMode;

    private IpInterfaceSources() { }

    /// <summary>
    /// Reads the sources for <paramref name="family"/> (Unspecified: both) and one interface, or every
    /// interface when <paramref name="interfaceIndex"/> is 0.
    /// </summary>
    public static BackendResult Load(NamespaceContext context, NetlinkSocket socket, AddressFamily family, int interfaceIndex, out IpInterfaceSources sources)
    {
        sources = new IpInterfaceSources();
        var ipv4 = family != AddressFamily.InterNetworkV6;
        var ipv6 = family != AddressFamily.InterNetwork;
        using var request = new NetlinkMessageWriter();
        if (ipv4)
        {
            var status = LoadNeighborTable(socket, request, LinuxAfInet, sources._neighbor4);
            if (status != NetIoStatus.Success) return status;
        }
        if (ipv6)
        {
            var status = LoadNeighborTable(socket, request, LinuxAfInet6, sources._neighbor6);
            if (status != NetIoStatus.Success) return status;
            request.Clear();
            LinkLocalInterfaceIds.Dump(request, interfaceIndex);
            var error = socket.Dump(request, ref sources._linkLocal);
            if (error.Failed) return BackendResult.Fail(error.Status, $"RTM_GETADDR dump: {error}", errno: error.Errno, kernelMessage: error.Message);
            if (sources._linkLocal.Malformed) return Undecodable("RTM_GETADDR dump");
        }
        // The namespace-wide sysctls, in one visit to the namespace.
        var values = Sysctl.ReadInt64(context, ipv4 && ipv6 ? s_sysctls : ipv4 ? s_sysctls[..1] : s_sysctls[1..]);
        var at = 0;
        if (ipv4) sources._mtuExpires4 = values[at++] ?? 0;
        if (ipv6)
        {
            sources._mtuExpires6 = values[at++] ?? 0;
            sources._allAcceptDad = (int)(values[at++] ?? 0);
            sources._defaultAddrGenMode = (int)(values[at] ?? 0);
        }
        foreach (var (entryFamily, index, name, metric) in context.Metrics.GetAll())
            sources._metrics[(entryFamily, index)] = (Encoding.UTF8.GetBytes(name), metric);
        return BackendResult.Success;
    }

    /// <summary>Everything about one link its rows need; ethtool is asked through <paramref name="socket"/>.</summary>
    public IpInterfaceFacts FactsOf(in LinkMessage link, in LinkAfSpec spec, NetlinkSocket socket)
    {
        var facts = new IpInterfaceFacts
        {
            Index = (uint)link.Index,
            Luid = LinuxBackend.LuidOf(link.Index, LinuxInterfaceType.Classify(link).Type),
            Flags = link.Flags,
            Mtu = link.Mtu,
            MinMtu = link.MinMtu,
            MaxMtu = link.MaxMtu,
            HasInet = spec.HasInet,
            Ipv4Forwarding = spec.Inet(DevConf.Ipv4Forwarding) is > 0,
            HasInet6 = spec.HasInet6,
            DisableIpv6 = spec.Inet6(DevConf.Ipv6DisableIpv6) is > 0,
            Ipv6Forwarding = spec.Inet6(DevConf.Ipv6Forwarding) is > 0,
            Ipv6ForceForwarding = spec.Inet6(DevConf.Ipv6ForceForwarding) is > 0,
            Ipv6HasForceForwarding = spec.Inet6(DevConf.Ipv6ForceForwarding) is not null,
            Ipv6Mtu = spec.Inet6(DevConf.Ipv6Mtu) ?? 0,
            Ipv6AcceptRa = spec.Inet6(DevConf.Ipv6AcceptRa) ?? 0,
            Ipv6AcceptRaDefrtr = spec.Inet6(DevConf.Ipv6AcceptRaDefrtr) ?? 0,
            Ipv6DadTransmits = spec.Inet6(DevConf.Ipv6DadTransmits) ?? 0,
            Ipv6AcceptDad = spec.Inet6(DevConf.Ipv6AcceptDad) ?? 0,
            Ipv6AddrGenMode = spec.AddrGenMode >= 0 ? spec.AddrGenMode : spec.Inet6(DevConf.Ipv6AddrGenMode) ?? 0,
            AllAcceptDad = _allAcceptDad,
            DefaultAddrGenMode = _defaultAddrGenMode,
            Inet6Flags = spec.Inet6Flags,
            Ipv6InterfaceIdentifier = spec.Token.Length == 16 && spec.Token[8..].IndexOfAnyExcept((byte)0) >= 0
                ? BitConverter.ToUInt64(spec.Token[8..])
                : _linkLocal.Of(link.Index),
            Neighbor4 = _neighbor4.GetValueOrDefault(link.Index),
            Neighbor6 = _neighbor6.GetValueOrDefault(link.Index),
            MtuExpires4 = _mtuExpires4,
            MtuExpires6 = _mtuExpires6,
            GsoMaxSize = link.GsoMaxSize,
            GsoIpv4MaxSize = link.GsoIpv4MaxSize,
            Metric4 = MetricOf(AddressFamily.InterNetwork, link),
            Metric6 = MetricOf(AddressFamily.InterNetworkV6, link),
        };
        if (IpInterfaceRowMapper.HasRow(facts, AddressFamily.InterNetwork) || IpInterfaceRowMapper.HasRow(facts, AddressFamily.InterNetworkV6))
        {
            facts.Offloads = Ethtool.GetOffloads(socket, link.Name);
            facts.WakeOnLan = Ethtool.GetWakeOnLanSupport(socket, link.Name);
        }
        return facts;
    }

    /// <summary>The metric stored for the link, when the entry's name is the link's (a reused index starts automatic).</summary>
    private uint? MetricOf(AddressFamily family, in LinkMessage link) =>
        _metrics.TryGetValue((family, (uint)link.Index), out var entry) && link.Name.SequenceEqual(entry.Name) ? entry.Metric : null;

    private static BackendResult LoadNeighborTable(NetlinkSocket socket, NetlinkMessageWriter request, byte linuxFamily,
        Dictionary<int, NeighborTableParameters> parameters)
    {
        request.Clear();
        NeighborTableParameters.Dump(request, linuxFamily);
        var collector = new NeighborTableCollector(parameters);
        var error = socket.Dump(request, ref collector);
        if (error.Failed) return BackendResult.Fail(error.Status, $"RTM_GETNEIGHTBL dump: {error}", errno: error.Errno, kernelMessage: error.Message);
        return collector.Malformed ? Undecodable("RTM_GETNEIGHTBL dump") : BackendResult.Success;
    }

    private static BackendResult Undecodable(string what) =>
        BackendResult.Fail(NetIoStatus.InvalidData, $"{what}: the kernel sent a message that could not be decoded", errno: Errno.EBADMSG);

    private struct NeighborTableCollector(Dictionary<int, NeighborTableParameters> parameters) : INetlinkReplyHandler
    {
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (NeighborTableParameters.TryDecode(message, out var decoded))
            {
                if (decoded.InterfaceIndex > 0) parameters[decoded.InterfaceIndex] = decoded;
            }
            else Malformed |= message.Type == RtnlMessageType.RTM_NEWNEIGHTBL;
        }

        public readonly void OnRestart() => parameters.Clear();
    }
}
