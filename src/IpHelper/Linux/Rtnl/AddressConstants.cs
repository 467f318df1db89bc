namespace IpHelper.Linux.Rtnl;

/// <summary>Address attribute types, flags and protocols (linux/if_addr.h), and the message types of the membership dumps.</summary>
internal static class AddressConstants
{
    public const ushort IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3, IFA_BROADCAST = 4, IFA_ANYCAST = 5,
        IFA_CACHEINFO = 6, IFA_MULTICAST = 7, IFA_FLAGS = 8, IFA_RT_PRIORITY = 9, IFA_PROTO = 11;

    /// <summary>IFA_F_SECONDARY for IPv4 and IFA_F_TEMPORARY for IPv6 share this bit.</summary>
    public const uint IFA_F_SECONDARY = 0x01, IFA_F_TEMPORARY = 0x01;

    public const uint IFA_F_NODAD = 0x02, IFA_F_OPTIMISTIC = 0x04, IFA_F_DADFAILED = 0x08, IFA_F_HOMEADDRESS = 0x10,
        IFA_F_DEPRECATED = 0x20, IFA_F_TENTATIVE = 0x40, IFA_F_PERMANENT = 0x80, IFA_F_MANAGETEMPADDR = 0x100,
        IFA_F_NOPREFIXROUTE = 0x200, IFA_F_MCAUTOJOIN = 0x400, IFA_F_STABLE_PRIVACY = 0x800;

    /// <summary>The flags a user may set on RTM_NEWADDR and that the kernel keeps on a replace only if they are sent again.</summary>
    public const uint UserFlags = IFA_F_NODAD | IFA_F_HOMEADDRESS | IFA_F_MANAGETEMPADDR | IFA_F_NOPREFIXROUTE | IFA_F_MCAUTOJOIN;

    /// <summary>ifa_proto values the kernel sets (IFAPROT_*): loopback, router advertisement (SLAAC), link-local.</summary>
    public const byte IFAPROT_UNSPEC = 0, IFAPROT_KERNEL_LO = 1, IFAPROT_KERNEL_RA = 2, IFAPROT_KERNEL_LL = 3;

    /// <summary>The lifetime (seconds) the kernel reports and accepts as infinite.</summary>
    public const uint InfiniteLifetime = 0xFFFFFFFF;

    public const byte RT_SCOPE_UNIVERSE = 0, RT_SCOPE_LINK = 253, RT_SCOPE_HOST = 254;

    /// <summary>Notifications of the membership lists; dump replies carry RTM_GETMULTICAST / RTM_GETANYCAST as their type.</summary>
    public const ushort RTM_NEWMULTICAST = 56, RTM_DELMULTICAST = 57, RTM_NEWANYCAST = 60, RTM_DELANYCAST = 61;
}
