using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Bench.Routes;

/// <summary>
/// A route table users have, generated the same way every run (fixed seeds), on the uplink v0 of a
/// benchmark namespace: <see cref="Sequential"/> (host routes 10.x.y.z/32 via one gateway, the
/// benchmark's historical shape), <see cref="Bgp"/> (an IPv4 full table: the prefix-length mix of the
/// real one, /8 to /24, mostly /24, random order, proto bgp, metric 20, four next hops, 5% of the
/// prefixes ECMP over two of them) and <see cref="Ipv6"/> (an IPv6 full table the same way, /24 to /56,
/// mostly /48). The prefixes are random and only ever exist inside throw-away namespaces.
/// </summary>
internal sealed class RouteShape
{
    // Shares of each prefix length in a full table (IPv4: about 60% /24, then /22, /23, /20, /21...;
    // IPv6: about half /48, then /32, /44, /40...), as routing-table reports show them.
    private static readonly (int Length, double Share)[] s_ipv4Lengths =
    [
        (24, 0.60), (23, 0.075), (22, 0.11), (21, 0.045), (20, 0.05), (19, 0.03), (18, 0.015), (17, 0.008), (16, 0.012),
        (15, 0.002), (14, 0.002), (13, 0.001), (12, 0.001), (11, 0.0005), (10, 0.0003), (9, 0.0001), (8, 0.0001),
    ];

    private static readonly (int Length, double Share)[] s_ipv6Lengths =
    [
        (48, 0.46), (32, 0.09), (44, 0.09), (40, 0.08), (36, 0.04), (29, 0.03), (47, 0.03), (46, 0.04), (45, 0.02),
        (42, 0.03), (33, 0.02), (34, 0.02), (38, 0.02), (28, 0.01), (24, 0.01), (56, 0.01),
    ];

    private static readonly string[] s_ipv4Hops = ["192.0.2.10", "192.0.2.11", "192.0.2.12", "192.0.2.13"];
    private static readonly string[] s_ipv6Hops = ["2001:db8::10", "2001:db8::11", "2001:db8::12", "2001:db8::13"];

    private readonly Func<int, IReadOnlyList<Route>> _generate;

    private RouteShape(string name, string description, AddressFamily family, Func<int, IReadOnlyList<Route>> generate)
    {
        Name = name;
        Description = description;
        Family = family;
        _generate = generate;
    }

    /// <summary>One route: its prefix and one or more next hops (more than one: ECMP).</summary>
    public sealed record Route(string Prefix, string[] NextHops);

    public string Name { get; }

    public string Description { get; }

    public AddressFamily Family { get; }

    /// <summary>The argument route_dump and routes:table take for the family.</summary>
    public string Version => Family == AddressFamily.InterNetwork ? "4" : "6";

    public static readonly RouteShape Sequential = new("sequential", "IPv4 host routes 10.x.y.z/32 via 192.0.2.254, in order",
        AddressFamily.InterNetwork, count => [.. Enumerable.Range(0, count).Select(i =>
            new Route($"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}/32", [RouteList.NextHop]))]);

    public static readonly RouteShape Bgp = new("bgp", "IPv4 full-table shape: /8-/24 in a real table's length mix (60% /24), random order, " +
        "proto bgp, 4 next hops, 5% ECMP over 2", AddressFamily.InterNetwork, count => Generate(count, 32, s_ipv4Lengths, s_ipv4Hops, 20));

    public static readonly RouteShape Ipv6 = new("ipv6", "IPv6 full-table shape: /24-/56 in a real table's length mix (46% /48), random order, " +
        "proto bgp, 4 next hops, 5% ECMP over 2", AddressFamily.InterNetworkV6, count => Generate(count, 128, s_ipv6Lengths, s_ipv6Hops, 6));

    public static RouteShape Parse(string name) => name switch
    {
        "sequential" => Sequential,
        "bgp" => Bgp,
        "ipv6" => Ipv6,
        _ => throw new ArgumentException($"unknown route shape {name}; known: sequential, bgp, ipv6"),
    };

    public IReadOnlyList<Route> Routes(int count) => _generate(count);

    /// <summary>
    /// An <c>ip -batch</c> file that loads the routes as the kernel keeps them (an ECMP route as one
    /// multipath route); the caller deletes it.
    /// </summary>
    public string LoadFile(IReadOnlyList<Route> routes) => Write(routes, route => route.NextHops.Length == 1
        ? [$"route add {route.Prefix} via {route.NextHops[0]} dev v0{Extra}"]
        : [$"route add {route.Prefix}{Extra} {string.Join(' ', route.NextHops.Select(h => $"nexthop via {h} dev v0"))}"]);

    /// <summary>
    /// An <c>ip -batch</c> file with one <c>route append</c> per row of <see cref="Rows"/>: the same
    /// requests CreateIpForwardEntries2 sends, one per next hop; the caller deletes it.
    /// </summary>
    public string AppendFile(IReadOnlyList<Route> routes) =>
        Write(routes, route => [.. route.NextHops.Select(h => $"route append {route.Prefix} via {h} dev v0{Extra}")]);

    /// <summary>The routes as MIB rows for CreateIpForwardEntries2, one per next hop.</summary>
    public MibIpForwardRow2[] Rows(IReadOnlyList<Route> routes, uint interfaceIndex)
    {
        var rows = new List<MibIpForwardRow2>(routes.Count + routes.Count / 16);
        foreach (var route in routes)
        {
            var slash = route.Prefix.IndexOf('/', StringComparison.Ordinal);
            SockAddrInet.TryParse(route.Prefix[..slash], out var prefix);
            var length = byte.Parse(route.Prefix[(slash + 1)..], CultureInfo.InvariantCulture);
            foreach (var hop in route.NextHops)
            {
                NetIo.InitializeIpForwardEntry(out var row);
                row.DestinationPrefix = new IpAddressPrefix(prefix, length);
                SockAddrInet.TryParse(hop, out row.NextHop);
                row.InterfaceIndex = interfaceIndex;
                if (this != Sequential)
                {
                    row.Protocol = NlRouteProtocol.RouteProtocolBgp;
                    row.Metric = 20;
                }
                rows.Add(row);
            }
        }
        return [.. rows];
    }

    private string Extra => this == Sequential ? "" : " proto bgp metric 20";

    private static string Write(IReadOnlyList<Route> routes, Func<Route, IEnumerable<string>> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iph-bench-routes-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        using var writer = new StreamWriter(path);
        foreach (var route in routes)
            foreach (var line in lines(route))
                writer.WriteLine(line);
        return path;
    }

    /// <summary>Distinct random prefixes (IPv6: inside 2000::/3) with lengths drawn from the mix; 5% get two next hops.</summary>
    private static Route[] Generate(int count, int bits, (int Length, double Share)[] mix, string[] hops, int seed)
    {
        var random = new Random(seed);
        var total = mix.Sum(m => m.Share);
        var seen = new HashSet<(UInt128, int)>();
        var routes = new Route[count];
        Span<byte> bytes = stackalloc byte[16];
        while (seen.Count < count)
        {
            var pick = random.NextDouble() * total;
            var length = mix[^1].Length;
            foreach (var (l, share) in mix)
            {
                if ((pick -= share) < 0)
                {
                    length = l;
                    break;
                }
            }
            random.NextBytes(bytes);
            var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes) >> (128 - bits);
            if (bits == 128) value = (value & (UInt128.MaxValue >> 3)) | ((UInt128)1 << 125);
            value &= ~((UInt128.One << (bits - length)) - 1);
            if (!seen.Add((value, length))) continue;
            var text = bits == 32
                ? new System.Net.IPAddress((long)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)value)).ToString()
                : new System.Net.IPAddress(ToBytes(value)).ToString();
            var first = random.Next(hops.Length);
            string[] nextHops = random.NextDouble() < 0.05 ? [hops[first], hops[(first + 1 + random.Next(hops.Length - 1)) % hops.Length]] : [hops[first]];
            routes[seen.Count - 1] = new Route($"{text}/{length}", nextHops);
        }
        return routes;
    }

    private static byte[] ToBytes(UInt128 value)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return bytes;
    }
}
