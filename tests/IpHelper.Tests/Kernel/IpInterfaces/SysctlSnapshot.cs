using System.Globalization;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// Every per-interface IPv4/IPv6 sysctl of a namespace (conf and neigh), and the path MTU timeouts, read
/// in one process inside the namespace (<c>grep -r . /proc/sys/net/...</c>), the files sysctl(8) reads.
/// Two snapshots are equal when no such setting changed.
/// </summary>
public sealed record SysctlSnapshot(IReadOnlyDictionary<string, string> Values)
{
    private const string Command =
        "grep -rs . /proc/sys/net/ipv4/conf /proc/sys/net/ipv6/conf /proc/sys/net/ipv4/neigh /proc/sys/net/ipv6/neigh " +
        "/proc/sys/net/ipv4/route/mtu_expires /proc/sys/net/ipv6/route/mtu_expires; true";

    public static SysctlSnapshot Read(TestNetns ns)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ns.Exec("sh", "-c", Command).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            // /proc/sys/net/ipv6/conf/eth0/mtu:1500 -> net.ipv6.conf.eth0.mtu (interface names have no dots here)
            values[line[..colon]["/proc/sys/".Length..].Replace('/', '.')] = line[(colon + 1)..];
        }
        return new SysctlSnapshot(values);
    }

    /// <summary>A value by its sysctl name, e.g. "net.ipv6.conf.v0.mtu".</summary>
    public string this[string key] => Values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no sysctl {key}");

    public long Int(string key) => long.Parse(this[key], CultureInfo.InvariantCulture);

    public bool Has(string key) => Values.ContainsKey(key);

    /// <summary>The settings that differ between two snapshots, as "key: before -> after".</summary>
    public IEnumerable<string> Differences(SysctlSnapshot after) =>
        Values.Keys.Union(after.Values.Keys)
            .Where(k => Values.GetValueOrDefault(k) != after.Values.GetValueOrDefault(k))
            .Select(k => $"{k}: {Values.GetValueOrDefault(k)} -> {after.Values.GetValueOrDefault(k)}");
}
