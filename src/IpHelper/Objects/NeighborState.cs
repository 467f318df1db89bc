namespace IpHelper.Objects;

/// <summary>MSFT_NetNeighbor.State (NL_NEIGHBOR_STATE without its prefix); the kernel's NUD states map as docs/mapping.md says.</summary>
public enum NeighborState
{
    /// <summary>Resolution failed (NUD_FAILED).</summary>
    Unreachable = 0,

    /// <summary>Resolution in progress (NUD_INCOMPLETE).</summary>
    Incomplete = 1,

    /// <summary>Being probed (NUD_PROBE).</summary>
    Probe = 2,

    /// <summary>Waiting before probing (NUD_DELAY).</summary>
    Delay = 3,

    /// <summary>Not confirmed lately (NUD_STALE).</summary>
    Stale = 4,

    /// <summary>Confirmed (NUD_REACHABLE).</summary>
    Reachable = 5,

    /// <summary>Static (NUD_PERMANENT, NUD_NOARP).</summary>
    Permanent = 6,
}
