using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Genl;

/// <summary>
/// One decoded tcp_metrics entry: what TCP remembers about a (destination, source) pair after a
/// connection closes. Views into the receive buffer, valid only while the message is handled.
/// </summary>
internal ref struct TcpMetricsMessage
{
    public ReadOnlySpan<byte> Destination;
    public ReadOnlySpan<byte> Source;
    /// <summary>Milliseconds since the entry was last updated.</summary>
    public ulong Age;
    /// <summary>The smoothed round-trip time in milliseconds, 0 when none was measured.</summary>
    public uint RttMs;
    /// <summary>The round-trip time variance in milliseconds, 0 when none was measured.</summary>
    public uint RttVarMs;
    public uint RttUs;
    public uint RttVarUs;

    /// <summary>Decodes one reply of the tcp_metrics family <paramref name="familyId"/>; false when it is not one or is malformed.</summary>
    public static bool TryDecode(in NetlinkMessage message, ushort familyId, out TcpMetricsMessage metrics)
    {
        metrics = default;
        if (message.Type != familyId || !message.TryReadHeader(out GenlMsgHdr _)) return false;
        var attributes = message.Attributes(System.Runtime.CompilerServices.Unsafe.SizeOf<GenlMsgHdr>());
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            switch (attribute.Type)
            {
                case TcpMetricsConstants.TCP_METRICS_ATTR_ADDR_IPV4 or TcpMetricsConstants.TCP_METRICS_ATTR_ADDR_IPV6:
                    metrics.Destination = attribute.Value;
                    break;
                case TcpMetricsConstants.TCP_METRICS_ATTR_SADDR_IPV4 or TcpMetricsConstants.TCP_METRICS_ATTR_SADDR_IPV6:
                    metrics.Source = attribute.Value;
                    break;
                case TcpMetricsConstants.TCP_METRICS_ATTR_AGE: attribute.TryGetU64(out metrics.Age); break;
                case TcpMetricsConstants.TCP_METRICS_ATTR_VALS:
                    var values = attribute.Nested;
                    while (values.MoveNext())
                    {
                        var value = values.Current;
                        switch (value.Type)
                        {
                            case TcpMetricsConstants.TCP_METRIC_RTT: value.TryGetU32(out metrics.RttMs); break;
                            case TcpMetricsConstants.TCP_METRIC_RTTVAR: value.TryGetU32(out metrics.RttVarMs); break;
                            case TcpMetricsConstants.TCP_METRIC_RTT_US: value.TryGetU32(out metrics.RttUs); break;
                            case TcpMetricsConstants.TCP_METRIC_RTTVAR_US: value.TryGetU32(out metrics.RttVarUs); break;
                        }
                    }
                    if (values.Malformed) return false;
                    break;
            }
        }
        return !attributes.Malformed && metrics.Destination.Length is 4 or 16;
    }
}
