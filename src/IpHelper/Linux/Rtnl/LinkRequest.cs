using System.Text;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>Encodes RTM_GETLINK requests.</summary>
internal static class LinkRequest
{
    /// <summary>A dump of every link, with or without the 64-bit counters.</summary>
    public static void Dump(NetlinkMessageWriter writer, bool withStatistics)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETLINK, 0);
        writer.Header<IfInfoMsg>();
        writer.PutU32(LinkConstants.IFLA_EXT_MASK, withStatistics ? 0 : LinkConstants.RTEXT_FILTER_SKIP_STATS);
        writer.EndMessage();
    }

    /// <summary>One link by index (when <paramref name="index"/> is non-zero) or by name.</summary>
    public static void Get(NetlinkMessageWriter writer, int index, string? name, bool withStatistics)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETLINK, 0);
        writer.Header<IfInfoMsg>().Index = index;
        if (index == 0 && name is not null)
        {
            // Names longer than IFNAMSIZ-1 bytes go as IFLA_ALT_IFNAME, which the kernel also matches on
            // (IFLA_IFNAME longer than that fails policy validation with EINVAL instead of ENODEV).
            writer.PutString(Encoding.UTF8.GetByteCount(name) < 16 ? LinkConstants.IFLA_IFNAME : LinkConstants.IFLA_ALT_IFNAME, name);
        }
        writer.PutU32(LinkConstants.IFLA_EXT_MASK, withStatistics ? 0 : LinkConstants.RTEXT_FILTER_SKIP_STATS);
        writer.EndMessage();
    }
}
