using System.Globalization;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// How many routes a dump will bring, read from the kernel's own counters before dumping, so the row
/// array is rented once at the right size instead of doubling through every size on the way (which
/// keeps about twice the table's memory in the array pool). IPv4: the largest "Prefixes" count of
/// /proc/net/fib_triestat (main and local share one trie until policy rules split them, so their
/// counts are not added); IPv6: fib_rt_entries of /proc/net/rt6_stats. Read from
/// the namespace's /proc net directory (<see cref="NamespaceContext.ProcNet"/>). A wrong estimate only costs a regrow.
/// </summary>
internal static class RouteCountEstimate
{
    private const int Slack = 64;

    public static int Rows(NamespaceContext context, ReadOnlySpan<byte> families)
    {
        long total = Slack;
        foreach (var family in families)
            total += family == RouteConstants.AF_INET ? Ipv4(context) : Ipv6(context);
        return (int)Math.Min(total, Array.MaxLength / 2);
    }

    private static long Ipv4(NamespaceContext context)
    {
        var text = Read(context, "fib_triestat");
        if (text is null) return 0;
        long largest = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("Prefixes:", StringComparison.Ordinal)) continue;
            if (long.TryParse(trimmed["Prefixes:".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                largest = Math.Max(largest, count);
        }
        return largest;
    }

    private static long Ipv6(NamespaceContext context)
    {
        // fib_nodes fib_route_nodes fib_rt_alloc fib_rt_entries fib_rt_cache fib_discarded_routes, in hex.
        var fields = Read(context, "rt6_stats")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 4 } && long.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var count)
            ? count
            : 0;
    }

    private static string? Read(NamespaceContext context, string name)
    {
        try
        {
            return File.ReadAllText(context.ProcNet + name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
