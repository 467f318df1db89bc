using System.Globalization;
using System.Net.Sockets;

namespace IpHelper.Cli.Commands;

/// <summary>
/// The route list of <c>iphelper route add --batch FILE</c>: one route per line,
/// <c>PREFIX [via NEXTHOP] [dev IF] [metric N] [protocol NAME|N] [lifetime SECONDS]</c>, keywords in
/// any order after the prefix; blank lines and text after '#' are ignored. Without <c>dev</c> the
/// interface is the one GetBestRoute2 picks for the next hop. Lines of an <c>ip -batch</c> file are read
/// too: a leading <c>route add</c> or <c>route append</c>, the prefix <c>default</c>, and ip's words
/// <c>proto</c>, <c>priority</c>, <c>preference</c>, <c>expires</c> and <c>table</c> (the table the batch
/// writes to). The format is described in docs/cli.md.
/// Lines are read one at a time: the parser keeps only the interfaces and next hops it has resolved.
/// </summary>
/// <param name="table">The routing table the batch writes to (--table, else main): a line's <c>table</c> must name it.</param>
/// <param name="family">The family -4/-6 asks for: what <c>default</c> means when the line has no next hop.</param>
internal sealed class RouteBatchFile(uint table, AddressFamily family)
{
    private readonly Dictionary<string, NetLuid> _interfaces = new(StringComparer.Ordinal);
    private readonly Dictionary<SockAddrInet, NetLuid> _nextHopInterfaces = [];

    /// <summary>
    /// Reads one line: null for a blank or comment-only line, else the route or why the line is not one
    /// (a bad argument, or an interface or next hop that names nothing).
    /// </summary>
    public (MibIpForwardRow2 Row, NetIoErrorDetail? Error)? ParseLine(string line)
    {
        var comment = line.IndexOf('#');
        var text = (comment >= 0 ? line[..comment] : line).Trim();
        if (text.Length == 0) return null;
        try
        {
            return (Parse(text), null);
        }
        catch (NetIoException e)
        {
            return (default, e.Detail);
        }
        catch (CliException e)
        {
            return (default, new NetIoErrorDetail(NetIoStatus.InvalidParameter, 0, null, null, e.Message));
        }
    }

    /// <summary>Whether <paramref name="line"/> holds a route (is neither blank nor only a comment), for counting a file's routes.</summary>
    public static bool IsRouteLine(string line)
    {
        foreach (var c in line)
        {
            if (c == '#') return false;
            if (!char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    private MibIpForwardRow2 Parse(string text)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var start = IpBatchPrefix(tokens);
        if (start >= tokens.Length) throw Invalid($"'{text}' names no prefix");
        NetIo.InitializeIpForwardEntry(out var row);
        var via = Array.IndexOf(tokens, "via", start + 1);
        var prefix = RoutePrefix.Parse(tokens[start], RoutePrefix.FamilyFor(family, via > 0 && via + 1 < tokens.Length ? tokens[via + 1] : null));
        row.DestinationPrefix = prefix;
        var prefixFamily = prefix.Prefix.Family;
        row.NextHop = RouteCommands.Unspecified(prefixFamily);
        string? device = null;
        for (var i = start + 1; i < tokens.Length; i += 2)
        {
            if (i + 1 >= tokens.Length) throw Invalid($"'{tokens[i]}' needs a value");
            var value = tokens[i + 1];
            switch (tokens[i])
            {
                case "via":
                    if (!AddressArgument.TryParse(value, out var nextHop) || nextHop.Family != prefixFamily)
                        throw Invalid($"'{value}' is not an address of the prefix's family");
                    row.NextHop = nextHop;
                    break;
                case "dev":
                    device = value;
                    break;
                case "metric" or "priority" or "preference":
                    row.Metric = ParseNumber(value, "metric");
                    break;
                case "protocol" or "proto":
                    row.Protocol = RouteCommands.ParseProtocol(value);
                    break;
                case "lifetime" or "expires":
                    row.ValidLifetime = row.PreferredLifetime = value == "infinite" ? uint.MaxValue : ParseNumber(value, "lifetime");
                    break;
                case "table":
                    if (RouteCommands.ParseTable(value) != table)
                        throw Invalid($"'table {value}': a batch writes to one table, {table} here; give the table with --table, for the whole batch");
                    break;
                default:
                    throw Invalid($"unknown keyword '{tokens[i]}' (use via, dev, metric, protocol, lifetime, table)");
            }
        }
        row.InterfaceLuid = device is not null ? Interface(device) : InterfaceFor(row.NextHop);
        return row;
    }

    /// <summary>
    /// Where the route starts in the tokens: after an ip -batch line's <c>route add</c> or <c>route append</c>
    /// (any other <c>route</c> verb is refused: a batch only creates routes), else at the first token.
    /// </summary>
    private static int IpBatchPrefix(string[] tokens)
    {
        if (tokens[0] != "route") return 0;
        if (tokens.Length > 1 && tokens[1] is "add" or "append") return 2;
        throw Invalid($"'route {(tokens.Length > 1 ? tokens[1] : "")}': a batch only creates routes (route add, route append, or a line that starts with the prefix)");
    }

    private NetLuid Interface(string device)
    {
        if (!_interfaces.TryGetValue(device, out var luid)) _interfaces[device] = luid = InterfaceArgument.Resolve(device);
        return luid;
    }

    private NetLuid InterfaceFor(SockAddrInet nextHop)
    {
        if (nextHop.IsUnspecified) throw Invalid("an on-link route needs 'dev IF'");
        if (!_nextHopInterfaces.TryGetValue(nextHop, out var luid))
            _nextHopInterfaces[nextHop] = luid = RouteCommands.InterfaceTowards(nextHop);
        return luid;
    }

    private static uint ParseNumber(string value, string what) =>
        uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw Invalid($"'{value}' is not a valid {what}");

    private static NetIoException Invalid(string message) =>
        new(new NetIoErrorDetail(NetIoStatus.InvalidParameter, 0, null, null, message));
}
