using System.Globalization;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>
/// How many rows a route dump will bring, so the row array is rented once at the right size instead of
/// doubling through every size on the way (which keeps about twice the table's memory in the array
/// pool). After a dump of the same namespace (by its cookie), families and tables, the estimate follows
/// its row count: the same estimate again while the rows still fill between half of it and all of it (so
/// the same pooled array serves every call on a steady table), else the count and 1/32 more. Before
/// the first dump, the kernel's own counters: IPv4, the largest "Prefixes" count of
/// /proc/net/fib_triestat (main and local share one trie until policy rules split them, so their counts
/// are not added), with a quarter more for the extra rows of multipath routes; IPv6, fib_rt_entries of
/// /proc/net/rt6_stats (one entry per next hop). fib_triestat walks the whole trie (15-170 ms on a million
/// routes, up to a fifth of the dump itself), which is why the last count comes first. A wrong estimate only costs a
/// regrow; rows the array does not reach are never touched, so a generous estimate costs no memory.
/// </summary>
internal static class RouteCountEstimate
{
    private const int Slack = 64;
    private const int Remembered = 8;

    private static readonly Lock s_lock = new();
    private static readonly Last[] s_last = new Last[Remembered];
    private static int s_next;

    public static int Rows(NamespaceContext context, ReadOnlySpan<byte> families, RouteTableSelection tables)
    {
        var key = KeyOf(context, families, tables);
        if (key is { } k)
        {
            lock (s_lock)
            {
                foreach (var last in s_last)
                    if (last.Key == k) return last.Estimate;
            }
        }
        long total = Slack;
        foreach (var family in families)
            total += family == RouteConstants.AF_INET ? Ipv4(context) * 5 / 4 : Ipv6(context);
        return Clamp(total);
    }

    /// <summary>Sets the next estimate for the same namespace, families and tables from a finished dump's <paramref name="rows"/> and the <paramref name="estimate"/> it had.</summary>
    public static void Remember(NamespaceContext context, ReadOnlySpan<byte> families, RouteTableSelection tables, int estimate, int rows)
    {
        if (KeyOf(context, families, tables) is not { } key) return;
        var next = rows <= estimate && rows >= estimate / 2 ? estimate : Clamp(rows + rows / 32L + Slack);
        lock (s_lock)
        {
            for (var i = 0; i < s_last.Length; i++)
            {
                if (s_last[i].Key != key) continue;
                s_last[i] = new Last(key, next);
                return;
            }
            s_last[s_next] = new Last(key, next);
            s_next = (s_next + 1) % s_last.Length;
        }
    }

    private static Key? KeyOf(NamespaceContext context, ReadOnlySpan<byte> families, RouteTableSelection tables)
    {
        if (context.Cookie is not { } cookie) return null;
        var mask = 0;
        foreach (var family in families) mask |= family == RouteConstants.AF_INET ? 1 : 2;
        return new Key(cookie, mask, tables);
    }

    private static int Clamp(long rows) => (int)Math.Min(rows, Array.MaxLength / 2);

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
            return context.ReadProcNet(name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private readonly record struct Key(ulong Cookie, int Families, RouteTableSelection Tables);

    private readonly record struct Last(Key? Key, int Estimate);
}
