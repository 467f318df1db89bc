namespace IpHelper.Linux.Genl;

/// <summary>The tcp_metrics generic-netlink family: name, commands, attributes and metric indexes (linux/tcp_metrics.h).</summary>
internal static class TcpMetricsConstants
{
    public const string FamilyName = "tcp_metrics";
    public const byte Version = 1;

    public const byte TCP_METRICS_CMD_GET = 1, TCP_METRICS_CMD_DEL = 2;

    public const ushort TCP_METRICS_ATTR_ADDR_IPV4 = 1, TCP_METRICS_ATTR_ADDR_IPV6 = 2, TCP_METRICS_ATTR_AGE = 3,
        TCP_METRICS_ATTR_VALS = 6, TCP_METRICS_ATTR_SADDR_IPV4 = 11, TCP_METRICS_ATTR_SADDR_IPV6 = 12;

    /// <summary>
    /// Attribute types inside TCP_METRICS_ATTR_VALS are the tcp_metric_index plus one. The kernel sends
    /// RTT and RTTVAR both in milliseconds (at least 1 when measured) and in microseconds.
    /// </summary>
    public const ushort TCP_METRIC_RTT = 1, TCP_METRIC_RTTVAR = 2, TCP_METRIC_RTT_US = 6, TCP_METRIC_RTTVAR_US = 7;
}
