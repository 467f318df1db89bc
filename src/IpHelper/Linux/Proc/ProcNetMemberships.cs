using System.Buffers.Binary;
using System.Globalization;
using IpHelper.Linux.Namespaces;

namespace IpHelper.Linux.Proc;

/// <summary>
/// The multicast and anycast membership lists as /proc/net shows them (igmp, igmp6, anycast6), for
/// kernels whose rtnetlink has no dump of them. The files are read by a thread in the namespace
/// (<see cref="NamespaceContext.ReadProcNet"/>): /proc/net follows the process's main thread and would
/// show the wrong namespace.
/// </summary>
internal static class ProcNetMemberships
{
    /// <summary>The text of /proc/thread-self/net/<paramref name="file"/> in the context's namespace, or null when it does not exist.</summary>
    public static string? Read(NamespaceContext context, string file)
    {
        try
        {
            return context.ReadProcNet(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// /proc/net/igmp: a line per interface ("Idx Device : Count Querier") followed by a line per group
    /// that starts with a tab; the group is the in-memory __be32 printed with %08X, so its hex digits
    /// are in host byte order.
    /// </summary>
    public static void ParseIgmp(string text, List<Membership> memberships)
    {
        var index = -1;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty) continue;
            if (char.IsAsciiDigit(line[0]))
            {
                index = int.TryParse(FirstToken(line), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
                continue;
            }
            if (line[0] != '\t' || index < 0) continue;
            if (!uint.TryParse(FirstToken(line.TrimStart('\t')), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var raw)) continue;
            var membership = new Membership { Index = index, Length = 4 };
            if (BitConverter.IsLittleEndian) BinaryPrimitives.WriteUInt32LittleEndian(membership.Bytes, raw);
            else BinaryPrimitives.WriteUInt32BigEndian(membership.Bytes, raw);
            memberships.Add(membership);
        }
    }

    /// <summary>/proc/net/igmp6 and /proc/net/anycast6: "index name address(32 hex digits) users ..." per line.</summary>
    public static void ParseIpv6(string text, List<Membership> memberships)
    {
        Span<Range> columns = stackalloc Range[4];
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var count = line.Split(columns, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (count < 3) continue;
            var hex = line[columns[2]];
            if (hex.Length != 32 || !int.TryParse(line[columns[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            var membership = new Membership { Index = index, Length = 16 };
            Span<byte> bytes = membership.Bytes;
            if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 16) continue;
            memberships.Add(membership);
        }
    }

    private static ReadOnlySpan<char> FirstToken(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(' ', '\t');
        return end < 0 ? line : line[..end];
    }
}
