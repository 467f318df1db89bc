using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// Device features (`ethtool -k`: ETHTOOL_GSTRINGS for the names, ETHTOOL_GFEATURES for the active
/// bits) and wake-on-LAN support (ETHTOOL_GWOL), read by a Python script inside the namespace: the
/// machine has no ethtool(8). Shares no code with the library.
/// </summary>
public static class OffloadOracle
{
    private const string Script = """
        import array, fcntl, json, socket, struct, sys
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        def call(name, buf):
            fcntl.ioctl(s.fileno(), 0x8946, struct.pack('16sP16x', name.encode(), buf.buffer_info()[0]))
        out = {}
        for name in sys.argv[1:]:
            info = array.array('B', struct.pack('IIQI', 0x37, 0, 1 << 4, 0))
            call(name, info)
            count = struct.unpack_from('I', info, 16)[0]
            strings = array.array('B', struct.pack('III', 0x1b, 4, count) + bytes(32 * count))
            call(name, strings)
            names = [bytes(strings[12 + 32 * i:44 + 32 * i]).split(b'\0')[0].decode() for i in range(count)]
            blocks = (count + 31) // 32
            features = array.array('B', struct.pack('II', 0x3a, blocks) + bytes(16 * blocks))
            call(name, features)
            active = [n for i, n in enumerate(names) if struct.unpack_from('I', features, 8 + 16 * (i // 32) + 8)[0] >> (i % 32) & 1]
            wol = array.array('B', struct.pack('II', 5, 0) + bytes(12))
            try:
                call(name, wol)
                supported = struct.unpack_from('I', wol, 4)[0]
            except OSError:
                supported = 0
            out[name] = {'active': active, 'wol': supported}
        print(json.dumps(out))
        """;

    /// <summary>Per device: the names of its active features and its WAKE_* support bits.</summary>
    public static Dictionary<string, (HashSet<string> Active, uint WakeOnLan)> Read(TestNetns ns, IEnumerable<string> devices)
    {
        // The distribution's interpreter starts in a tenth of the time a pyenv shim takes.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        using var json = JsonDocument.Parse(ns.Exec([python, "-c", Script, .. devices]));
        return json.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("active").EnumerateArray().Select(e => e.GetString()!).ToHashSet(), p.Value.GetProperty("wol").GetUInt32()));
    }

    /// <summary>The NL_INTERFACE_OFFLOAD_ROD docs/mapping.md derives from the active features (and the GSO limit, for giant send).</summary>
    public static (NlInterfaceOffloadRod Transmit, NlInterfaceOffloadRod Receive) Expected(HashSet<string> active, bool ipv6, uint gsoMaxSize)
    {
        const NlInterfaceOffloadRod checksums = NlInterfaceOffloadRod.TlDatagramChecksumSupported
            | NlInterfaceOffloadRod.TlStreamChecksumSupported | NlInterfaceOffloadRod.TlStreamOptionsSupported;
        var transmit = NlInterfaceOffloadRod.None;
        if (active.Contains("tx-checksum-ip-generic") || active.Contains(ipv6 ? "tx-checksum-ipv6" : "tx-checksum-ipv4")) transmit |= checksums;
        if (active.Contains(ipv6 ? "tx-tcp6-segmentation" : "tx-tcp-segmentation"))
        {
            transmit |= NlInterfaceOffloadRod.TlLargeSendOffloadSupported;
            if (gsoMaxSize > 65536) transmit |= NlInterfaceOffloadRod.TlGiantSendOffloadSupported;
        }
        return (transmit, active.Contains("rx-checksum") ? checksums : NlInterfaceOffloadRod.None);
    }
}
