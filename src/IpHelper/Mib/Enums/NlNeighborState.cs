namespace IpHelper;

/// <summary>NL_NEIGHBOR_STATE: the state of a neighbour cache entry (RFC 4861 section 7.3.2).</summary>
public enum NlNeighborState
{
    /// <summary>The neighbour is unreachable.</summary>
    NlnsUnreachable = 0,
    /// <summary>Address resolution is in progress.</summary>
    NlnsIncomplete = 1,
    /// <summary>Reachability is being confirmed by probes.</summary>
    NlnsProbe = 2,
    /// <summary>Waiting before probing, in case upper layers confirm reachability.</summary>
    NlnsDelay = 3,
    /// <summary>The entry is valid but has not been confirmed recently.</summary>
    NlnsStale = 4,
    /// <summary>The neighbour was confirmed reachable recently.</summary>
    NlnsReachable = 5,
    /// <summary>A static entry that does not time out.</summary>
    NlnsPermanent = 6,
    /// <summary>The number of states, not a state.</summary>
    NlnsMaximum = 7,
}
