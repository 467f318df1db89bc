using System.Globalization;

namespace IpHelper.Linux.Proc;

/// <summary>
/// Finds the UDP port of a running Teredo client. On Linux the Teredo client is the miredo daemon:
/// it runs as processes named "miredo" and owns one UDP socket over IPv4, the Teredo service port
/// (random unless its BindPort is set), beside its "teredo" tun interface. The port is found by
/// matching the socket inodes of the miredo processes of a network namespace (/proc/PID/ns/net)
/// against the UDP sockets of that namespace as the process sees them (/proc/PID/net/udp).
/// </summary>
internal static class TeredoClient
{
    /// <summary>The name miredo's processes run under (/proc/PID/comm).</summary>
    internal const string ProcessName = "miredo";

    /// <summary>The client's UDP port, or null when no Teredo client runs in the namespace with this inode.</summary>
    public static ushort? FindPort(ulong namespaceInode)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(process, "comm")).TrimEnd('\n') != ProcessName) continue;
                if (LinkInode(Path.Combine(process, "ns", "net")) != namespaceInode) continue;
                var socketInodes = new HashSet<ulong>();
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal)
                        && ulong.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                        socketInodes.Add(inode);
                if (FindBoundPort(File.ReadAllText(Path.Combine(process, "net", "udp")), socketInodes) is { } port) return port;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or it is not ours to inspect.
            }
        }
        return null;
    }

    /// <summary>
    /// The local port of the first socket of /proc/net/udp text whose inode is one of
    /// <paramref name="socketInodes"/> and whose port is not zero.
    /// </summary>
    internal static ushort? FindBoundPort(string procNetUdp, IReadOnlySet<ulong> socketInodes)
    {
        foreach (var line in procNetUdp.Split('\n').Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10) continue;
            var local = fields[1];
            var colon = local.IndexOf(':');
            if (colon < 0
                || !ushort.TryParse(local.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port)
                || !ulong.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                continue;
            if (port != 0 && socketInodes.Contains(inode)) return port;
        }
        return null;
    }

    private static ulong LinkInode(string path)
    {
        // "net:[4026531840]"
        var target = new FileInfo(path).LinkTarget;
        if (target is null) return 0;
        var open = target.IndexOf('[');
        return open >= 0 && ulong.TryParse(target.AsSpan(open + 1, target.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
            ? inode
            : 0;
    }
}
