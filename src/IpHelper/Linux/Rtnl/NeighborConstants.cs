namespace IpHelper.Linux.Rtnl;

/// <summary>Neighbour attribute types, entry flags and NUD states (linux/neighbour.h).</summary>
internal static class NeighborConstants
{
    public const ushort NDA_DST = 1, NDA_LLADDR = 2, NDA_CACHEINFO = 3, NDA_PROBES = 4, NDA_IFINDEX = 8,
        NDA_MASTER = 9, NDA_PROTOCOL = 12, NDA_FLAGS_EXT = 15;

    public const byte NTF_USE = 0x01, NTF_SELF = 0x02, NTF_MASTER = 0x04, NTF_PROXY = 0x08,
        NTF_EXT_LEARNED = 0x10, NTF_OFFLOADED = 0x20, NTF_STICKY = 0x40, NTF_ROUTER = 0x80;

    public const ushort NUD_NONE = 0x00, NUD_INCOMPLETE = 0x01, NUD_REACHABLE = 0x02, NUD_STALE = 0x04,
        NUD_DELAY = 0x08, NUD_PROBE = 0x10, NUD_FAILED = 0x20, NUD_NOARP = 0x40, NUD_PERMANENT = 0x80;

    /// <summary>NUD_VALID: the states in which the entry holds a usable link-layer address.</summary>
    public const ushort NUD_VALID = NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | NUD_DELAY;
}
