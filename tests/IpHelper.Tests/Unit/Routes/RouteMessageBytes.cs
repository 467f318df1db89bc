using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Routes;

/// <summary>Route messages built byte by byte, as the kernel would send them, for decoder tests.</summary>
internal static class RouteMessageBytes
{
    /// <summary>An RTM_NEWROUTE with the given header fields and attributes; the table is main, or local for a local route.</summary>
    public static byte[] Build(byte family, byte prefixLength, byte type, byte protocol, params (ushort Type, byte[] Value)[] attributes)
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(RtnlMessageType.RTM_NEWROUTE, 0);
        ref var header = ref writer.Header<RtMsg>();
        header.Family = family;
        header.DstLen = prefixLength;
        header.Type = type;
        header.Protocol = protocol;
        header.Table = (byte)(type == RouteConstants.RTN_LOCAL ? RouteConstants.RT_TABLE_LOCAL : RouteConstants.RT_TABLE_MAIN);
        foreach (var (attributeType, value) in attributes) writer.Put(attributeType, value);
        writer.EndMessage();
        return writer.Written.ToArray();
    }

    /// <summary>The first message of <paramref name="bytes"/>.</summary>
    public static NetlinkMessage First(byte[] bytes)
    {
        var messages = new NetlinkMessageEnumerator(bytes);
        Assert.True(messages.MoveNext());
        return messages.Current;
    }
}
