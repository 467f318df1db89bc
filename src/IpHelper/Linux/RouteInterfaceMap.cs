using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// What route rows need to know about interfaces: the LUID of an ifindex, whether it is a loopback
/// device, and its Windows interface metric per family (from <see cref="InterfaceMetricStore"/>, read
/// once per interface and family). Filled from one link dump for tables, or link by link for single routes.
/// </summary>
/// <param name="metrics">The interface-metric store of the namespace the map describes; null for a map that stays empty.</param>
/// <param name="keepMetrics">False to read the interface metrics from the store on every use (for a map kept between calls).</param>
internal sealed class RouteInterfaceMap(InterfaceMetricStore? metrics, bool keepMetrics = true)
{
    private readonly Dictionary<int, Entry> _entries = [];
    private Entry? _last;

    /// <summary>The ifindex of the first loopback device seen (1 in every namespace), or 0.</summary>
    public int LoopbackIndex { get; private set; }

    /// <summary>Every interface of the namespace, from one RTM_GETLINK dump without statistics.</summary>
    public static NetlinkError LoadAll(NetlinkSocket socket, InterfaceMetricStore? metrics, out RouteInterfaceMap map)
    {
        map = new RouteInterfaceMap(metrics);
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics: false);
        var loader = new Loader(map);
        var error = socket.Dump(request, ref loader);
        return error.Failed ? error : loader.Malformed ? new NetlinkError(Errno.EBADMSG, "malformed RTM_NEWLINK") : NetlinkError.None;
    }

    /// <summary>Adds the interface with this index with one RTM_GETLINK; false when it no longer exists.</summary>
    public bool TryLoad(NetlinkSocket socket, int index, out NetlinkError error)
    {
        using var request = new NetlinkMessageWriter();
        LinkRequest.Get(request, index, null, withStatistics: false);
        var loader = new Loader(this);
        error = socket.Execute(request, ref loader);
        if (error.Errno == Errno.ENODEV)
        {
            error = NetlinkError.None;
            return false;
        }
        if (!error.Failed && loader.Malformed) error = new NetlinkError(Errno.EBADMSG, "malformed RTM_NEWLINK");
        return !error.Failed && _entries.ContainsKey(index);
    }

    /// <summary>The interface with this index, or null when the map does not know it.</summary>
    public Entry? Find(int index)
    {
        var last = _last;
        if (last is not null && last.Index == index) return last;
        if (!_entries.TryGetValue(index, out var entry)) return null;
        _last = entry;
        return entry;
    }

    private void Add(in LinkMessage link)
    {
        var loopback = (link.Flags & LinkConstants.IFF_LOOPBACK) != 0;
        _entries[link.Index] = new Entry(metrics, link.Index, LinuxBackend.LuidOf(link), System.Text.Encoding.UTF8.GetString(link.Name), loopback, keepMetrics);
        if (loopback && LoopbackIndex == 0) LoopbackIndex = link.Index;
    }

    /// <summary>One interface; the metrics are read from the store on first use (on every use unless <paramref name="keepMetrics"/>).</summary>
    internal sealed class Entry(InterfaceMetricStore? metrics, int index, NetLuid luid, string name, bool isLoopback, bool keepMetrics)
    {
        private uint? _metric4, _metric6;

        public int Index { get; } = index;
        public NetLuid Luid { get; } = luid;
        public string Name { get; } = name;
        public bool IsLoopback { get; } = isLoopback;

        /// <summary>The interface metric the kernel priorities of this family's routes include.</summary>
        public uint Metric(AddressFamily family)
        {
            if (metrics is null) return 0;
            if (!keepMetrics) return metrics.Effective(family, (uint)Index, Name);
            return family == AddressFamily.InterNetwork
                ? _metric4 ??= metrics.Effective(family, (uint)Index, Name)
                : _metric6 ??= metrics.Effective(family, (uint)Index, Name);
        }
    }

    private struct Loader(RouteInterfaceMap map) : INetlinkReplyHandler
    {
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (LinkMessage.TryDecode(message, out var link)) map.Add(link);
            else Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
        }

        public readonly void OnRestart()
        {
            map._entries.Clear();
            map._last = null;
            map.LoopbackIndex = 0;
        }
    }
}
