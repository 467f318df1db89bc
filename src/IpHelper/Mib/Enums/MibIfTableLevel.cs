namespace IpHelper;

/// <summary>MIB_IF_TABLE_LEVEL: how much of each interface row GetIfTable2Ex fills in.</summary>
public enum MibIfTableLevel
{
    /// <summary>Every field, with statistics.</summary>
    MibIfTableNormal = 0,
    /// <summary>Every field, with statistics and state read from the interface itself rather than from the top of its filter stack.</summary>
    MibIfTableRaw = 1,
    /// <summary>Every field except the statistics counters, which stay 0 (Windows 10 RS2 and later).</summary>
    MibIfTableNormalWithoutStatistics = 2,
}
