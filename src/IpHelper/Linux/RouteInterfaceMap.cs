using System.Net.Sockets;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// What route rows need to know about interfaces, read from a <see cref="LinkDirectory"/> (the one map
/// of interface facts): the LUID of an ifindex, whether it is a loopback device, and its Windows
/// interface metric per family (from <see cref="InterfaceMetricStore"/>, read once per interface and
/// family, or on every use for a map over a directory kept between calls).
/// </summary>
/// <param name="metrics">The interface-metric store of the namespace the map describes; null for a map that stays empty.</param>
/// <param name="keepMetrics">False to read the interface metrics from the store on every use (for a map kept between calls).</param>
/// <param name="links">The interface facts to read; null for a new, empty directory filled by <see cref="TryLoad"/>.</param>
internal sealed class RouteInterfaceMap(InterfaceMetricStore? metrics, bool keepMetrics = true, LinkDirectory? links = null)
{
    private readonly Dictionary<int, Entry> _entries = [];
    private Entry? _last;

    /// <summary>The interface facts this map reads.</summary>
    public LinkDirectory Links { get; } = links ?? new LinkDirectory();

    /// <summary>The ifindex of the first loopback device seen (1 in every namespace), or 0.</summary>
    public int LoopbackIndex => Links.LoopbackIndex;

    /// <summary>Every interface of the namespace, from one RTM_GETLINK dump without statistics.</summary>
    public static NetlinkError LoadAll(NetlinkSocket socket, InterfaceMetricStore? metrics, out RouteInterfaceMap map)
    {
        var error = LinkDirectory.LoadAll(socket, out var links);
        map = new RouteInterfaceMap(metrics, keepMetrics: true, links);
        return error;
    }

    /// <summary>Adds the interface with this index with one RTM_GETLINK; false when it no longer exists.</summary>
    public bool TryLoad(NetlinkSocket socket, int index, out NetlinkError error)
    {
        _entries.Remove(index);
        if (_last?.Index == index) _last = null;
        return Links.TryLoad(socket, index, out error);
    }

    /// <summary>The interface with this index, or null when the map does not know it.</summary>
    public Entry? Find(int index)
    {
        var last = _last;
        if (last is not null && last.Index == index) return last;
        if (!_entries.TryGetValue(index, out var entry))
        {
            if (!Links.TryGet(index, out var facts)) return null;
            _entries[index] = entry = new Entry(metrics, facts, keepMetrics);
        }
        _last = entry;
        return entry;
    }

    /// <summary>One interface; the metrics are read from the store on first use (on every use unless <paramref name="keepMetrics"/>).</summary>
    internal sealed class Entry(InterfaceMetricStore? metrics, LinkFacts facts, bool keepMetrics)
    {
        private uint? _metric4, _metric6;

        public int Index => facts.Index;
        public NetLuid Luid => facts.Luid;
        public string Name => facts.Name;
        public bool IsLoopback => facts.IsLoopback;

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
}
