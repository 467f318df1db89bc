using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Interfaces;

/// <summary>One link as <c>ip -j -s -d link show</c> (iproute2) prints it: the oracle of the interface tests.</summary>
public sealed record IpLink(
    uint Index,
    string Name,
    IReadOnlyList<string> Flags,
    uint Mtu,
    string OperState,
    string LinkType,
    string? Address,
    string? PermanentAddress,
    string? LowerName,
    bool LowerInOtherNamespace,
    string? Master,
    string? Kind,
    string? VxlanLowerName,
    string? IfAlias,
    string? ParentDevice,
    IpLinkStats? Stats)
{
    /// <summary>Every link of <paramref name="ns"/>, with details and counters.</summary>
    public static IReadOnlyList<IpLink> List(TestNetns ns) =>
        [.. ns.IpJson("-s", "-d", "link", "show").EnumerateArray().Select(Parse)];

    /// <summary>One link of <paramref name="ns"/>, with details and counters.</summary>
    public static IpLink Show(TestNetns ns, string name) =>
        Parse(ns.IpJson("-s", "-d", "link", "show", "dev", name).EnumerateArray().Single());

    public bool HasFlag(string flag) => Flags.Contains(flag);

    public bool IsUp => HasFlag("UP");

    private static IpLink Parse(JsonElement link)
    {
        JsonElement info = link.TryGetProperty("linkinfo", out var i) ? i : default;
        return new IpLink(
            link.GetProperty("ifindex").GetUInt32(),
            link.GetProperty("ifname").GetString()!,
            [.. link.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!)],
            link.GetProperty("mtu").GetUInt32(),
            link.GetProperty("operstate").GetString()!,
            link.GetProperty("link_type").GetString()!,
            String(link, "address"),
            String(link, "permaddr"),
            // iproute2 prints "link" (a name) for a lower/peer device here and "link_index" with
            // "link_netnsid" for one in another namespace.
            String(link, "link"),
            link.TryGetProperty("link_netnsid", out _),
            String(link, "master"),
            info.ValueKind == JsonValueKind.Object ? String(info, "info_kind") : null,
            info.ValueKind == JsonValueKind.Object && info.TryGetProperty("info_data", out var data) && String(info, "info_kind") == "vxlan"
                ? String(data, "link")
                : null,
            String(link, "ifalias"),
            String(link, "parentdev"),
            link.TryGetProperty("stats64", out var stats) ? IpLinkStats.Parse(stats) : null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The 64-bit counters of <c>ip -j -s link</c> that MIB_IF_ROW2 reports.</summary>
public sealed record IpLinkStats(
    ulong RxBytes, ulong RxPackets, ulong RxErrors, ulong RxDropped, ulong RxMulticast, ulong RxNoHandler,
    ulong TxBytes, ulong TxPackets, ulong TxErrors, ulong TxDropped)
{
    public static IpLinkStats Parse(JsonElement stats)
    {
        var rx = stats.GetProperty("rx");
        var tx = stats.GetProperty("tx");
        return new IpLinkStats(
            rx.GetProperty("bytes").GetUInt64(), rx.GetProperty("packets").GetUInt64(), rx.GetProperty("errors").GetUInt64(),
            rx.GetProperty("dropped").GetUInt64(), rx.GetProperty("multicast").GetUInt64(),
            // iproute2 prints "nohandler" only when it is non-zero.
            rx.TryGetProperty("nohandler", out var nohandler) ? nohandler.GetUInt64() : 0,
            tx.GetProperty("bytes").GetUInt64(), tx.GetProperty("packets").GetUInt64(), tx.GetProperty("errors").GetUInt64(),
            tx.GetProperty("dropped").GetUInt64());
    }
}
