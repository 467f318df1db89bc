using System.Text;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// LUID, name and type of every interface, from one RTM_GETLINK dump, for decoders that meet many
/// rows of the same few interfaces (address, membership and route tables). An index the dump did not
/// have (an interface created since) is looked up once on demand.
/// </summary>
internal sealed class InterfaceMap
{
    private readonly Dictionary<int, Entry> _entries = [];
    private readonly NetlinkSocket _socket;

    private InterfaceMap(NetlinkSocket socket) => _socket = socket;

    /// <summary>One interface: its LUID and its Linux name.</summary>
    internal readonly record struct Entry(NetLuid Luid, string Name);

    /// <summary>Dumps the links of the current namespace; fails with the kernel's error.</summary>
    public static NetlinkError Load(NetlinkSocket socket, out InterfaceMap map)
    {
        map = new InterfaceMap(socket);
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics: false);
        var collector = new Collector(map._entries);
        return socket.Dump(request, ref collector);
    }

    /// <summary>The LUID of an interface index the dump had, without asking the kernel (safe while a dump is being read); else zero.</summary>
    public NetLuid TryGetLuid(int index) => _entries.TryGetValue(index, out var entry) ? entry.Luid : default;

    /// <summary>The LUID of an interface index; zero when no interface has it.</summary>
    public NetLuid Luid(int index) => Find(index).Luid;

    /// <summary>The Linux name of an interface index; empty when no interface has it.</summary>
    public string Name(int index) => Find(index).Name;

    private Entry Find(int index)
    {
        if (_entries.TryGetValue(index, out var entry)) return entry;
        using var request = new NetlinkMessageWriter();
        LinkRequest.Get(request, index, null, withStatistics: false);
        var collector = new Collector(_entries);
        _socket.Execute(request, ref collector);
        if (!_entries.TryGetValue(index, out entry)) _entries[index] = entry = new Entry(default, "");
        return entry;
    }

    private readonly struct Collector(Dictionary<int, Entry> entries) : INetlinkReplyHandler
    {
        public void OnMessage(in NetlinkMessage message)
        {
            if (!LinkMessage.TryDecode(message, out var link)) return;
            entries[link.Index] = new Entry(LinuxBackend.LuidOfLink(link), Encoding.UTF8.GetString(link.Name));
        }

        public void OnRestart() => entries.Clear();
    }
}
