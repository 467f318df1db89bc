using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>
/// Link speeds read with the SIOCETHTOOL ioctl (ETHTOOL_GSET) by a Python script inside the namespace:
/// the machine has no ethtool(8), and /sys/class/net refuses the speed of a device that is down.
/// </summary>
public static class EthtoolOracle
{
    private const string Script = """
        import ctypes, fcntl, json, socket, struct, sys
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        speeds = {}
        for name in sys.argv[1:]:
            cmd = ctypes.create_string_buffer(struct.pack('I', 1) + bytes(40))  # struct ethtool_cmd, ETHTOOL_GSET
            try:
                fcntl.ioctl(s.fileno(), 0x8946, struct.pack('16sP16x', name.encode(), ctypes.addressof(cmd)))
                speeds[name] = struct.unpack_from('<H', cmd.raw, 12)[0] | struct.unpack_from('<H', cmd.raw, 28)[0] << 16
            except OSError:
                speeds[name] = None
        print(json.dumps(speeds))
        """;

    /// <summary>The speed of each named device in Mb/s, or null when the driver answers no speed.</summary>
    public static Dictionary<string, uint?> SpeedsMbps(TestNetns ns, IEnumerable<string> names)
    {
        using var json = JsonDocument.Parse(ns.Exec(["python3", "-c", Script, .. names]));
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (uint?)null : p.Value.GetUInt32());
    }

    /// <summary>docs/mapping.md: Mb/s × 10^6; no speed, 0 or SPEED_UNKNOWN (0xFFFFFFFF) is "unknown" (ulong.MaxValue).</summary>
    public static ulong ExpectedLinkSpeed(uint? mbps) => mbps is null or 0 or uint.MaxValue ? ulong.MaxValue : mbps.Value * 1_000_000UL;
}
