using System.Net;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>One address as <c>ip -j address show</c> reports it (the oracle of the address tests).</summary>
internal sealed record IpAddr(int Index, string Device, IPAddress Address, int PrefixLength, uint Valid, uint Preferred, HashSet<string> Flags)
{
    private static readonly string[] s_flagNames =
        ["tentative", "dadfailed", "deprecated", "optimistic", "temporary", "mngtmpaddr", "nodad", "dynamic", "secondary", "noprefixroute", "stable-privacy"];

    public bool Has(string flag) => Flags.Contains(flag);

    /// <summary>Every address of the namespace (or of one device), from <c>ip -j address show</c>.</summary>
    public static List<IpAddr> Read(TestNetns ns, string? device = null)
    {
        var json = device is null ? ns.IpJson("address", "show") : ns.IpJson("address", "show", "dev", device);
        var result = new List<IpAddr>();
        foreach (var link in json.EnumerateArray())
        {
            if (!link.TryGetProperty("addr_info", out var infos)) continue;
            foreach (var info in infos.EnumerateArray())
            {
                var flags = s_flagNames.Where(f => info.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.True).ToHashSet();
                result.Add(new IpAddr(link.GetProperty("ifindex").GetInt32(), link.GetProperty("ifname").GetString()!,
                    IPAddress.Parse(info.GetProperty("local").GetString()!), info.GetProperty("prefixlen").GetInt32(),
                    info.GetProperty("valid_life_time").GetUInt32(), info.GetProperty("preferred_life_time").GetUInt32(), flags));
            }
        }
        return result;
    }

    /// <summary>The one address <paramref name="address"/> on <paramref name="device"/>, or null.</summary>
    public static IpAddr? Find(TestNetns ns, string device, string address) =>
        Read(ns, device).SingleOrDefault(a => a.Address.Equals(IPAddress.Parse(address)));

    /// <summary>
    /// Polls <c>ip -j address</c> until <paramref name="condition"/> holds for the address (DAD takes
    /// about a second); fails after 15 s.
    /// </summary>
    public static IpAddr WaitFor(TestNetns ns, string device, string address, Func<IpAddr, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = Find(ns, device, address);
            if (found is not null && condition(found)) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{address} on {device} never reached the state; last seen: {found}");
            Thread.Sleep(50);
        }
    }

    /// <summary>The snapshot tests compare before and after a refused call: every address with its flags (lifetimes left out, they tick).</summary>
    public static string Snapshot(TestNetns ns) =>
        string.Join("\n", Read(ns).Select(a => $"{a.Index} {a.Address}/{a.PrefixLength} {string.Join(',', a.Flags.Order())} {(a.Valid == uint.MaxValue ? "forever" : "finite")}").Order());

    public override string ToString() => $"{Device} {Address}/{PrefixLength} valid {Valid} preferred {Preferred} [{string.Join(' ', Flags)}]";
}
