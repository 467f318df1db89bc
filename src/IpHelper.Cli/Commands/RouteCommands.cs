using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper route list | show | add | set | delete | get`: GetIpForwardTable2, GetIpForwardEntry2,
/// CreateIpForwardEntry2 (and CreateIpForwardEntries2 for --batch), SetIpForwardEntry2,
/// DeleteIpForwardEntry2, GetBestRoute2.
/// </summary>
internal static class RouteCommands
{
    private static readonly SockAddrInet s_any4 = SockAddrInet.FromBytes([0, 0, 0, 0]);
    private static readonly SockAddrInet s_any6 = SockAddrInet.FromBytes(new byte[16]);

    private static readonly Option<string?> s_table = new("--table")
    {
        Description = "Linux routing table: main, local, default, all, or a number (default: main and local; new routes go to main)",
        HelpName = "table",
        Recursive = true,
    };

    public static Command Create()
    {
        var command = new Command("route", "The routing table (MIB_IPFORWARD_ROW2): GetIpForwardTable2, GetIpForwardEntry2, Create/Set/DeleteIpForwardEntry2, GetBestRoute2");
        command.Options.Add(s_table);
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Delete());
        command.Subcommands.Add(Get());
        return command.WithExamples("iphelper route list --family ipv4", "iphelper route get 198.51.100.7",
            "iphelper route add 203.0.113.0/24 --next-hop 192.0.2.1", "iphelper route list --table all --json");
    }

    private static Command List()
    {
        var iface = InterfaceArgument.CreateOption("Only the routes through this interface");
        var command = new Command("list",
            "Every route, one row per next hop (GetIpForwardTable2's rows, written as the kernel sends them: EnumerateIpForwardTable2), like Get-NetRoute; "
            + "exit code 3 when the table changed during the listing. RouteMetric is the Windows route metric (the kernel's "
            + "metric minus the interface metric); ifMetric is the interface metric IpHelper keeps for Linux, which has none (see ipinterface set "
            + "--metric); PolicyStore is always ActiveStore: Linux has no persistent store.") { iface };
        command.WithExamples("iphelper route list", "iphelper route list --family ipv6 --json --netns blue", "iphelper route list -i eth0",
            "iphelper route list --table all  # every Linux routing table");
        SetAction(command, parse =>
        {
            var luid = InterfaceArgument.ResolveOptional(parse, iface);
            var family = GlobalOptions.AddressFamilyOf(parse);
            var metrics = parse.GetValue(GlobalOptions.Json) ? null : InterfaceMetrics();
            // Streamed: each netlink datagram's rows are written before the next is read (NetIo.EnumerateIpForwardTable2).
            CommandRunner.Check(NetIo.EnumerateIpForwardTable2(family, out var stream));
            using var rows = stream!;
            if (metrics is null) RouteRowOutput.StreamJson(rows, luid);
            else RouteRowOutput.StreamTable(rows, family, luid, metrics);
            CommandRunner.Check(rows.Status);
            return rows.Interrupted ? CommandRunner.ReportInterrupted("routing table") : 0;
        });
        return command;
    }

    private static Command Show()
    {
        var prefix = PrefixArgument();
        var nextHop = NextHopOption();
        var device = InterfaceArgument.CreateOption("With it: the one route with that prefix, next hop and interface (GetIpForwardEntry2)");
        var command = new Command("show",
            "The routes to one prefix (GetIpForwardTable2; with --interface the route with that prefix and next hop, GetIpForwardEntry2).")
        { prefix, nextHop, device };
        command.WithExamples("iphelper route show 0.0.0.0/0", "iphelper route show 203.0.113.0/24 --next-hop 192.0.2.1 -i eth0 --json");
        SetAction(command, parse =>
        {
            var destination = ParsePrefix(parse, parse.GetValue(prefix)!, parse.GetValue(nextHop));
            if (parse.GetValue(device) is { } name)
            {
                var row = Key(destination, parse.GetValue(nextHop), InterfaceArgument.Resolve(name));
                CommandRunner.Check(NetIo.GetIpForwardEntry2(ref row));
                WriteRows(parse, [row]);
                return 0;
            }
            CommandRunner.Check(NetIo.GetIpForwardTable2(destination.Prefix.Family, out var table));
            using (table)
            {
                var wanted = parse.GetValue(nextHop) is { } text ? ParseAddress(text, destination.Prefix.Family) : (SockAddrInet?)null;
                var rows = table!.Where(r => r.DestinationPrefix == destination && (wanted is null || r.NextHop == wanted.Value)).ToArray();
                if (rows.Length == 0)
                    throw new NetIoException(new NetIoErrorDetail(NetIoStatus.NotFound, 0, null, "prefix", $"no route to {destination}"));
                WriteRows(parse, rows);
            }
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var prefix = new Argument<string?>("prefix") { Description = "Destination prefix, e.g. 203.0.113.0/24, 2001:db8::/32 or default", Arity = ArgumentArity.ZeroOrOne };
        var nextHop = NextHopOption();
        var device = InterfaceArgument.CreateOption("The interface (default: the one the next hop is reached through)");
        var metric = new Option<uint?>("--metric") { Description = "Route metric (the interface metric is added, as on Windows)", HelpName = "n" };
        var protocol = ProtocolOption();
        var lifetime = LifetimeOption();
        var batch = new Option<string?>("--batch")
        {
            HelpName = "file",
            Description = "Add the routes listed in FILE ('-' for stdin), many per system call (CreateIpForwardEntries2). "
                + "One route per line: PREFIX [via NEXTHOP] [dev IF] [metric N] [protocol NAME|N] [lifetime SECONDS]; '#' starts a comment; ip -batch 'route add' lines too",
        };
        var command = new Command("add",
            "Create a route (CreateIpForwardEntry2) and print it, like New-NetRoute. Without --interface, the interface is the one the next hop is reached through. "
            + "With --batch, create every route of a file (CreateIpForwardEntries2), showing progress on a terminal.")
        { prefix, nextHop, device, metric, protocol, lifetime, batch };
        command.WithExamples("iphelper route add 203.0.113.0/24 --next-hop 192.0.2.1",
            "iphelper route add 2001:db8:5::/48 --next-hop fe80::1 -i eth0 --metric 10 --protocol Bgp --json",
            "iphelper route add 198.51.100.0/24 -i eth0  # on-link",
            "iphelper route add --batch routes.txt  # one route per line, see docs/cli.md",
            "generate-routes | iphelper route add --batch -");
        SetAction(command, parse =>
        {
            if (parse.GetValue(batch) is { } file)
                return RouteBatchAdd.Run(parse, file, new RouteBatchFile(ParseTable(parse.GetValue(s_table) ?? "main"), GlobalOptions.AddressFamilyOf(parse)));
            var text = parse.GetValue(prefix) ?? throw new CliException("route add needs a prefix or --batch FILE");
            var destination = ParsePrefix(parse, text, parse.GetValue(nextHop));
            GlobalOptions.CheckFamily(parse, destination.Prefix.Family, $"'{text}'");
            NetIo.InitializeIpForwardEntry(out var row);
            row.DestinationPrefix = destination;
            row.NextHop = parse.GetValue(nextHop) is { } hop ? ParseAddress(hop, destination.Prefix.Family) : Unspecified(destination.Prefix.Family);
            row.InterfaceLuid = parse.GetValue(device) is { } name ? InterfaceArgument.Resolve(name) : InterfaceTowards(row.NextHop);
            if (parse.GetValue(metric) is { } m) row.Metric = m;
            if (parse.GetValue(protocol) is { } p) row.Protocol = ParseProtocol(p);
            if (parse.GetValue(lifetime) is { } l) row.ValidLifetime = row.PreferredLifetime = l;
            CommandRunner.Check(NetIo.CreateIpForwardEntry2(row));
            CommandRunner.Check(NetIo.GetIpForwardEntry2(ref row));
            WriteRows(parse, [row]);
            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var prefix = PrefixArgument();
        var nextHop = NextHopOption();
        var device = InterfaceArgument.CreateOption("The interface of the route", required: true);
        var metric = new Option<uint?>("--metric") { Description = "New route metric", HelpName = "n" };
        var protocol = ProtocolOption();
        var lifetime = LifetimeOption();
        var command = new Command("set", "Change a route's metric, protocol or lifetime (SetIpForwardEntry2) and print it afterwards; options left out keep their value.")
        { prefix, nextHop, device, metric, protocol, lifetime };
        command.WithExamples("iphelper route set 203.0.113.0/24 --next-hop 192.0.2.1 -i eth0 --metric 50",
            "iphelper route set 2001:db8:5::/48 --next-hop fe80::1 -i eth0 --lifetime 600 --json");
        SetAction(command, parse =>
        {
            var row = Key(ParsePrefix(parse, parse.GetValue(prefix)!, parse.GetValue(nextHop)), parse.GetValue(nextHop), InterfaceArgument.Resolve(parse.GetValue(device)!));
            CommandRunner.Check(NetIo.GetIpForwardEntry2(ref row));
            if (parse.GetValue(metric) is { } m) row.Metric = m;
            else row.Metric = uint.MaxValue;
            if (parse.GetValue(protocol) is { } p) row.Protocol = ParseProtocol(p);
            if (parse.GetValue(lifetime) is { } l) row.ValidLifetime = row.PreferredLifetime = l;
            CommandRunner.Check(NetIo.SetIpForwardEntry2(row));
            CommandRunner.Check(NetIo.GetIpForwardEntry2(ref row));
            WriteRows(parse, [row]);
            return 0;
        });
        return command;
    }

    private static Command Delete()
    {
        var prefix = PrefixArgument();
        var nextHop = NextHopOption();
        var device = InterfaceArgument.CreateOption("The interface of the route (needed only when routes with that prefix and next hop exist on several interfaces)");
        var command = new Command("delete", "Delete a route (DeleteIpForwardEntry2). Without --interface, the one route with that prefix and next hop.")
        { prefix, nextHop, device };
        command.WithExamples("iphelper route delete 203.0.113.0/24 --next-hop 192.0.2.1 -i eth0", "iphelper route delete 198.51.100.0/24 -i eth0  # on-link");
        command.Aliases.Add("del");
        SetAction(command, parse =>
        {
            var destination = ParsePrefix(parse, parse.GetValue(prefix)!, parse.GetValue(nextHop));
            var row = parse.GetValue(device) is { } name
                ? Key(destination, parse.GetValue(nextHop), InterfaceArgument.Resolve(name))
                : TheOneRoute(destination, parse.GetValue(nextHop));
            CommandRunner.Check(NetIo.DeleteIpForwardEntry2(row));
            return 0;
        });
        return command;
    }

    private static Command Get()
    {
        var destination = new Argument<string>("destination") { Description = "Destination address (IPv6 link-local may carry %scope)" };
        var source = new Option<string?>("--source", "-s") { Description = "Source address: must be local; restricts the lookup to its interface", HelpName = "address" };
        var device = InterfaceArgument.CreateOption("Only routes through this interface");
        var command = new Command("get", "The best route to a destination and the source address for it (GetBestRoute2), like Find-NetRoute.")
        { destination, source, device };
        command.WithExamples("iphelper route get 198.51.100.7", "iphelper route get 2001:db8::1 --json  # {\"BestRoute\": {...}, \"BestSourceAddress\": \"...\"}",
            "iphelper route get 203.0.113.5 --source 192.0.2.10 -i eth0");
        SetAction(command, parse =>
        {
            if (!AddressArgument.TryParse(parse.GetValue(destination), out var address))
                throw new CliException($"'{parse.GetValue(destination)}' is not an IP address");
            SockAddrInet? from = parse.GetValue(source) is { } s ? ParseAddress(s, address.Family) : null;
            NetLuid? luid = parse.GetValue(device) is { } name ? InterfaceArgument.Resolve(name) : null;
            CommandRunner.Check(NetIo.GetBestRoute2(luid, 0, from, address, 0, out var route, out var bestSource));
            if (parse.GetValue(GlobalOptions.Json))
            {
                using var json = new JsonOutput();
                json.Writer.WriteStartObject();
                json.Writer.WritePropertyName("BestRoute");
                RouteRowOutput.WriteJson(json, route);
                json.Address("BestSourceAddress", bestSource);
                json.Writer.WriteEndObject();
            }
            else RouteRowOutput.WriteList(Console.Out, route, ("BestSourceAddress", bestSource.ToString()));
            return 0;
        });
        return command;
    }

    /// <summary>Runs <paramref name="body"/> inside the --table selection, if one was given.</summary>
    private static void SetAction(Command command, Func<ParseResult, int> body) =>
        CommandRunner.SetAction(command, parse =>
        {
            using var scope = parse.GetValue(s_table) is { } table ? RouteTables.Enter(ParseTable(table)) : null;
            return body(parse);
        });

    /// <summary>The routes of `show`, `add` and `set`: JSON array, one route like Format-List, several as a table.</summary>
    private static void WriteRows(ParseResult parse, ReadOnlySpan<MibIpForwardRow2> rows)
    {
        if (parse.GetValue(GlobalOptions.Json)) WriteJson(rows);
        else if (rows.Length == 1) RouteRowOutput.WriteList(Console.Out, rows[0]);
        else RouteRowOutput.WriteTable(Console.Out, rows, InterfaceMetrics());
    }

    private static void WriteJson(ReadOnlySpan<MibIpForwardRow2> rows)
    {
        using var json = new JsonOutput();
        json.Writer.WriteStartArray();
        foreach (ref readonly var row in rows) RouteRowOutput.WriteJson(json, row);
        json.Writer.WriteEndArray();
    }

    /// <summary>The route to <paramref name="destination"/> via <paramref name="nextHop"/> when exactly one interface has it (route delete without --interface).</summary>
    private static MibIpForwardRow2 TheOneRoute(IpAddressPrefix destination, string? nextHop)
    {
        var wanted = nextHop is null ? Unspecified(destination.Prefix.Family) : ParseAddress(nextHop, destination.Prefix.Family);
        var status = NetIo.GetIpForwardTable2(destination.Prefix.Family, out var table);
        if (status != NetIoStatus.NotFound) CommandRunner.Check(status);
        using (table)
        {
            var matches = table is null ? [] : table.Where(r => r.DestinationPrefix == destination && r.NextHop == wanted).ToArray();
            return matches.Length switch
            {
                1 => matches[0],
                0 => throw new NetIoException(new NetIoErrorDetail(NetIoStatus.NotFound, 0, null, "prefix", $"no route to {destination} via {wanted}")),
                _ => throw new CliException($"routes to {destination} via {wanted} exist on interfaces {string.Join(", ", matches.Select(r => r.InterfaceIndex))}: say which with --interface"),
            };
        }
    }

    /// <summary>The interface metric of each (family, ifIndex), for the ifMetric column.</summary>
    private static Dictionary<(AddressFamily, uint), uint> InterfaceMetrics()
    {
        CommandRunner.Check(NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (table) return table!.ToDictionary(r => (r.Family, r.InterfaceIndex), r => r.Metric);
    }

    /// <summary>The interface GetBestRoute2 picks to reach <paramref name="nextHop"/> (for routes given without --interface).</summary>
    internal static NetLuid InterfaceTowards(SockAddrInet nextHop)
    {
        if (nextHop.IsUnspecified) throw new CliException("an on-link route needs --interface");
        CommandRunner.Check(NetIo.GetBestRoute2(null, 0, null, nextHop, 0, out var route, out _));
        return route.InterfaceLuid;
    }

    /// <summary>A protocol by NL_ROUTE_PROTOCOL name without its prefix (NetMgmt, Dhcp, Bgp, ...) or number.</summary>
    internal static NlRouteProtocol ParseProtocol(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return (NlRouteProtocol)number;
        foreach (var value in Enum.GetValues<NlRouteProtocol>())
            if (string.Equals(Text.EnumName(value, "RouteProtocol"), text, StringComparison.OrdinalIgnoreCase)) return value;
        throw new CliException($"'{text}' is not a route protocol (Other, Local, NetMgmt, Icmp, Rip, Ospf, Bgp, Dhcp, ... or a number)");
    }

    internal static uint ParseTable(string text) => text.ToLowerInvariant() switch
    {
        "main" => RouteTables.Main,
        "local" => RouteTables.Local,
        "default" => RouteTables.Default,
        "all" => RouteTables.All,
        _ when uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        _ => throw new CliException($"'{text}' is not a routing table (main, local, default, all or a number)"),
    };

    private static MibIpForwardRow2 Key(IpAddressPrefix prefix, string? nextHop, NetLuid luid) => new()
    {
        DestinationPrefix = prefix,
        NextHop = nextHop is null ? Unspecified(prefix.Prefix.Family) : ParseAddress(nextHop, prefix.Prefix.Family),
        InterfaceLuid = luid,
    };

    internal static SockAddrInet Unspecified(AddressFamily family) => family == AddressFamily.InterNetwork ? s_any4 : s_any6;

    /// <summary>The command's destination prefix (<see cref="RoutePrefix"/>): <c>default</c> takes the family of -4/-6 or of the next hop.</summary>
    private static IpAddressPrefix ParsePrefix(ParseResult parse, string text, string? nextHop) =>
        RoutePrefix.Parse(text, RoutePrefix.FamilyFor(GlobalOptions.AddressFamilyOf(parse), nextHop));

    private static SockAddrInet ParseAddress(string text, AddressFamily family) =>
        AddressArgument.TryParse(text, out var address) && address.Family == family
            ? address
            : throw new CliException($"'{text}' is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");

    private static Argument<string> PrefixArgument() => new("prefix") { Description = "Destination prefix, e.g. 203.0.113.0/24, 2001:db8::/32 or default" };

    private static Option<string?> NextHopOption() => new("--next-hop", "--via") { Description = "Next hop address (default: on-link)", HelpName = "address" };

    private static Option<string?> ProtocolOption() => new("--protocol") { Description = "NL_ROUTE_PROTOCOL name (NetMgmt, Dhcp, Bgp, ...) or number", HelpName = "protocol" };

    private static Option<uint?> LifetimeOption() => new("--lifetime") { Description = "Valid lifetime in seconds (IPv6 only; default infinite)", HelpName = "seconds" };
}
