using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Genl;

/// <summary>Encodes tcp_metrics requests: a dump of every entry, and the deletion of one entry or of all.</summary>
internal static class TcpMetricsRequest
{
    /// <summary>A dump of every entry of the namespace (the kernel does not filter by family).</summary>
    public static void Dump(NetlinkMessageWriter writer, ushort familyId)
    {
        writer.BeginMessage(familyId, 0);
        Header(writer, TcpMetricsConstants.TCP_METRICS_CMD_GET);
        writer.EndMessage();
    }

    /// <summary>
    /// Deletes the entry for <paramref name="destination"/> and <paramref name="source"/>; with an empty
    /// destination, deletes every entry of the namespace (both families).
    /// </summary>
    public static void Delete(NetlinkMessageWriter writer, ushort familyId, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source)
    {
        writer.BeginMessage(familyId, 0);
        Header(writer, TcpMetricsConstants.TCP_METRICS_CMD_DEL);
        if (!destination.IsEmpty)
        {
            var ipv4 = destination.Length == 4;
            writer.Put(ipv4 ? TcpMetricsConstants.TCP_METRICS_ATTR_ADDR_IPV4 : TcpMetricsConstants.TCP_METRICS_ATTR_ADDR_IPV6, destination);
            if (!source.IsEmpty)
                writer.Put(ipv4 ? TcpMetricsConstants.TCP_METRICS_ATTR_SADDR_IPV4 : TcpMetricsConstants.TCP_METRICS_ATTR_SADDR_IPV6, source);
        }
        writer.EndMessage();
    }

    private static void Header(NetlinkMessageWriter writer, byte command)
    {
        ref var header = ref writer.Header<GenlMsgHdr>();
        header.Command = command;
        header.Version = TcpMetricsConstants.Version;
    }
}
