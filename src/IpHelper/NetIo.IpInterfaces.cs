using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// NL_MAX_METRIC_COMPONENT: the largest route or interface metric (2^31 − 1). SetIpInterfaceEntry
    /// refuses a larger interface Metric.
    /// </summary>
    public const uint NL_MAX_METRIC_COMPONENT = int.MaxValue;

    /// <summary>
    /// Sets <paramref name="row"/> to the documented defaults: Family AF_UNSPEC, InterfaceLuid unspecified
    /// (0), every other member 0. Fill in Family and the interface, and preferably read the current
    /// values with <see cref="GetIpInterfaceEntry"/>, before changing fields and calling
    /// <see cref="SetIpInterfaceEntry"/>.
    /// </summary>
    public static void InitializeIpInterfaceEntry(out MibIpInterfaceRow row)
    {
        row = default;
        row.Family = AddressFamily.Unspecified;
    }

    /// <summary>
    /// Fills <paramref name="row"/> with the IPv4 or IPv6 (<see cref="MibIpInterfaceRow.Family"/>) settings
    /// of the interface named by its InterfaceLuid or, when that is zero, its InterfaceIndex: one
    /// RTM_GETLINK (the IFLA_AF_SPEC devconf arrays), the neighbour-table parameters (RTM_GETNEIGHTBL),
    /// the link-local address, ethtool and a few sysctls; docs/mapping.md gives every field's source.
    /// InvalidParameter for a family other than AF_INET/AF_INET6 or when LUID and index are both zero;
    /// FileNotFound for an index (with a zero LUID) that names no interface; NotFound for a non-zero LUID
    /// that names no interface, or an interface without that family (IPv6 disabled, say). The row is
    /// left as it was on failure.
    /// </summary>
    public static NetIoStatus GetIpInterfaceEntry(ref MibIpInterfaceRow row)
    {
        if (row.Family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, $"Family {(int)row.Family} is neither AF_INET nor AF_INET6", "Family");
        var status = ResolveIpInterface(row.InterfaceLuid, row.InterfaceIndex, NetIoStatus.NotFound, out var identity);
        if (status != NetIoStatus.Success) return status;
        var filled = default(MibIpInterfaceRow);
        status = Record(Backend.GetIpInterfaceEntry(row.Family, identity.Index, ref filled));
        if (status == NetIoStatus.Success)
        {
            row = filled;
            return Ok();
        }
        return status switch
        {
            NetIoStatus.FileNotFound => Fail(NetIoStatus.FileNotFound, $"interface {identity.Alias} disappeared", "InterfaceIndex"),
            NetIoStatus.NotFound => Fail(NetIoStatus.NotFound, $"interface {identity.Alias} has no {FamilyName(row.Family)} state", "Family"),
            _ => status,
        };
    }

    /// <summary>
    /// One row per interface and family the kernel has: an IPv4 row for each interface with an
    /// in_device, an IPv6 row for each with an inet6_dev and disable_ipv6 off. AF_UNSPEC gives the IPv4
    /// rows, then the IPv6 rows. InvalidParameter (and a null table) for any other family.
    /// </summary>
    public static NetIoStatus GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table)
    {
        table = null;
        if (family is not (AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, $"Family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6", "Family");
        var status = Record(Backend.GetIpInterfaceTable(family, out table));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Writes the settings in <paramref name="row"/> to the interface and family it names (sysctls,
    /// RTM_SETLINK for the IPv4 MTU, the interface metric with the priorities of the interface's routes);
    /// docs/mapping.md says what each field does on Linux. Windows' read-only members (MaxReassemblySize,
    /// the router advertisement intervals, Connected, SupportsWakeUpPatterns, SupportsNeighborDiscovery,
    /// SupportsRouterDiscovery, ReachableTime, the offloads) and the reserved InterfaceIdentifier are
    /// ignored; RouterDiscoveryUnchanged and LinkLocalUnchanged, and 0 for NlMtu, BaseReachableTime,
    /// RetransmitTime, PathMtuDiscoveryTimeout and LinkLocalAddressTimeout leave those settings as they are.
    /// Every check is made before the first write, and a write that still fails undoes the earlier ones,
    /// so a rejected call changes nothing. On success the LUID of a row given by index is filled in.
    /// Statuses: InvalidParameter (family, no LUID and index, IPv4 SitePrefixLength not 0, a value out of
    /// range or an enum value that does not exist); FileNotFound (no interface has the LUID or index);
    /// NotFound (the interface has no state for the family); NotSupported (a change Linux cannot make,
    /// such as WeakHostSend = FALSE); AccessDenied (not privileged in the namespace).
    /// </summary>
    public static NetIoStatus SetIpInterfaceEntry(ref MibIpInterfaceRow row)
    {
        if (row.Family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, $"Family {(int)row.Family} is neither AF_INET nor AF_INET6", "Family");
        var status = ResolveIpInterface(row.InterfaceLuid, row.InterfaceIndex, NetIoStatus.FileNotFound, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.SetIpInterfaceEntry(row, identity.Index));
        if (status == NetIoStatus.FileNotFound) return Fail(status, $"interface {identity.Alias} disappeared", "InterfaceIndex");
        if (status != NetIoStatus.Success) return status;
        row.InterfaceLuid = identity.Luid;
        row.InterfaceIndex = identity.Index;
        return Ok();
    }

    /// <summary>
    /// The interface of an IP interface row: InvalidParameter when LUID and index are both zero; a non-zero
    /// LUID that names nothing gives <paramref name="unknownLuid"/> (Windows' GetIpInterfaceEntry answers
    /// ERROR_NOT_FOUND, its SetIpInterfaceEntry documents ERROR_FILE_NOT_FOUND); an unknown index gives FileNotFound.
    /// </summary>
    private static NetIoStatus ResolveIpInterface(in NetLuid luid, uint index, NetIoStatus unknownLuid, out InterfaceIdentity identity)
    {
        identity = default;
        if (luid.IsUnspecified && index == 0)
            return Fail(NetIoStatus.InvalidParameter, "neither InterfaceLuid nor InterfaceIndex is set", "InterfaceLuid");
        var status = ResolveInterface(luid, index, out identity);
        if (status == NetIoStatus.FileNotFound && !luid.IsUnspecified && unknownLuid != NetIoStatus.FileNotFound)
            return Fail(unknownLuid, $"no interface has LUID {luid.Value}", "InterfaceLuid");
        return status;
    }

}
