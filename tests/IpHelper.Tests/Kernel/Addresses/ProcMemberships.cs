using System.Globalization;
using System.Net;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>
/// The oracle for anycast and multicast memberships: the /proc/net files read by a process that runs
/// in the namespace (<c>ip netns exec NS cat ...</c>), parsed here independently of the library.
/// </summary>
internal static class ProcMemberships
{
    /// <summary>(ifindex, address) of /proc/net/anycast6 or /proc/net/igmp6.</summary>
    public static HashSet<(int Index, string Address)> Ipv6(TestNetns ns, string file) =>
        ns.Exec("cat", "/proc/net/" + file).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(c => (int.Parse(c[0], CultureInfo.InvariantCulture), new IPAddress(Convert.FromHexString(c[2])).ToString()))
            .ToHashSet();

    /// <summary>(ifindex, group) of /proc/net/igmp.</summary>
    public static HashSet<(int Index, string Address)> Igmp(TestNetns ns)
    {
        var result = new HashSet<(int, string)>();
        var index = 0;
        foreach (var line in ns.Exec("cat", "/proc/net/igmp").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            if (!line.StartsWith('\t'))
            {
                index = int.Parse(line.Split('\t')[0], CultureInfo.InvariantCulture);
                continue;
            }
            var hex = line.Trim().Split(' ')[0];
            var bytes = BitConverter.GetBytes(uint.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            result.Add((index, new IPAddress(bytes).ToString()));
        }
        return result;
    }

    /// <summary>(ifindex, group) of <c>ip -j maddr show</c> (network-layer entries only).</summary>
    public static HashSet<(int Index, string Address)> IpMaddr(TestNetns ns) =>
        ns.IpJson("maddr", "show").EnumerateArray()
            .SelectMany(link => link.GetProperty("maddr").EnumerateArray()
                .Where(m => m.TryGetProperty("address", out _))
                .Select(m => (link.GetProperty("ifindex").GetInt32(), IPAddress.Parse(m.GetProperty("address").GetString()!).ToString())))
            .ToHashSet();

    /// <summary>Polls until <paramref name="condition"/> holds; fails after <paramref name="seconds"/>.</summary>
    public static void WaitUntil(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            Thread.Sleep(50);
        }
    }
}
