namespace IpHelper;

/// <summary>MIB_IF_ENTRY_LEVEL: how much of an interface row GetIfEntry2Ex fills in.</summary>
public enum MibIfEntryLevel
{
    /// <summary>Every field, with statistics.</summary>
    MibIfEntryNormal = 0,
    /// <summary>Every field except the statistics counters, which stay 0.</summary>
    MibIfEntryNormalWithoutStatistics = 2,
}
