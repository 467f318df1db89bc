using System.Globalization;

namespace IpHelper;

/// <summary>
/// The Windows "interface name" of a LUID, as ConvertInterfaceLuidToName and if_indextoname give it:
/// a prefix for the ifType, an underscore and NetLuidIndex in decimal ("ethernet_32769",
/// "loopback_1"); types without a prefix are written "iftype&lt;T&gt;_&lt;N&gt;".
/// </summary>
internal static class WindowsInterfaceName
{
    private static readonly (IfType Type, string Prefix)[] s_prefixes =
    [
        (IfType.Other, "other"), (IfType.EthernetCsmacd, "ethernet"), (IfType.Iso88025Tokenring, "tokenring"),
        (IfType.Ppp, "ppp"), (IfType.SoftwareLoopback, "loopback"), (IfType.Atm, "atm"), (IfType.Ieee80211, "wireless"),
        (IfType.Tunnel, "tunnel"), (IfType.Ieee1394, "ieee1394"),
    ];

    public static string Format(in NetLuid luid)
    {
        var type = (IfType)luid.IfType;
        foreach (var (known, prefix) in s_prefixes)
            if (known == type) return $"{prefix}_{luid.NetLuidIndex.ToString(CultureInfo.InvariantCulture)}";
        return $"iftype{luid.IfType.ToString(CultureInfo.InvariantCulture)}_{luid.NetLuidIndex.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Parses a name written by <see cref="Format"/>; false for anything else.</summary>
    public static bool TryParse(string name, out NetLuid luid)
    {
        luid = default;
        var underscore = name.LastIndexOf('_');
        if (underscore <= 0
            || !uint.TryParse(name.AsSpan(underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index > NetLuid.MaxNetLuidIndex)
            return false;
        var prefix = name.AsSpan(0, underscore);
        ushort type = 0;
        foreach (var (known, text) in s_prefixes)
            if (prefix.SequenceEqual(text)) type = (ushort)known;
        if (type == 0 && !(prefix.StartsWith("iftype") && ushort.TryParse(prefix[6..], NumberStyles.None, CultureInfo.InvariantCulture, out type)))
            return false;
        luid = new NetLuid(index, type);
        return true;
    }
}
