using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// InitializeIpForwardEntry: sets <paramref name="row"/> to the documented defaults: infinite
    /// ValidLifetime and PreferredLifetime; Loopback, AutoconfigureAddress, Publish and Immortal TRUE;
    /// SitePrefixLength 255, Metric 0xFFFFFFFF and Protocol -1 ("unspecified": CreateIpForwardEntry2
    /// then uses the kernel's default metric and RTPROT_BOOT); everything else zero.
    /// </summary>
    public static void InitializeIpForwardEntry(out MibIpForwardRow2 row)
    {
        row = default;
        row.ValidLifetime = uint.MaxValue;
        row.PreferredLifetime = uint.MaxValue;
        row.Loopback = true;
        row.AutoconfigureAddress = true;
        row.Publish = true;
        row.Immortal = true;
        row.SitePrefixLength = byte.MaxValue;
        row.Metric = uint.MaxValue;
        row.Protocol = (NlRouteProtocol)(-1);
    }

    /// <summary>
    /// GetIpForwardTable2: every route of <paramref name="family"/> (AF_UNSPEC: IPv4 then IPv6), one row
    /// per next hop, from RTM_GETROUTE dumps of the main and local tables (or the tables selected with
    /// <see cref="RouteTables.Enter(uint)"/>), decoded straight into the table's row array.
    /// InvalidParameter for another family; NotFound, with a null table, when there is no route.
    /// docs/mapping.md gives the source of every field.
    /// </summary>
    public static NetIoStatus GetIpForwardTable2(AddressFamily family, out MibTable<MibIpForwardRow2>? table)
    {
        table = null;
        if (family is not (AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6", "Family");
        var status = Record(Backend.GetIpForwardTable(family, RouteTables.Current, out table));
        if (status != NetIoStatus.Success) return status;
        if (table!.Count == 0)
        {
            table.Dispose();
            table = null;
            return Fail(NetIoStatus.NotFound, $"there is no {FamilyName(family)} route in the {RouteTables.Current} table(s)", "Family");
        }
        return Ok();
    }

    /// <summary>
    /// GetIpForwardEntry2: fills <paramref name="row"/> with the route whose DestinationPrefix, NextHop
    /// and interface (InterfaceLuid, or InterfaceIndex when the LUID is zero) it holds. InvalidParameter
    /// for a missing or malformed key; FileNotFound for an unknown interface; NotFound when the interface
    /// has no such route (the row is then left unchanged).
    /// </summary>
    public static NetIoStatus GetIpForwardEntry2(ref MibIpForwardRow2 row)
    {
        var key = row;
        var status = ValidateRouteKey(ref key);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetIpForwardEntry(RouteTables.Current, ref key));
        if (status != NetIoStatus.Success) return status;
        row = key;
        return Ok();
    }

    /// <summary>
    /// CreateIpForwardEntry2: adds a route (RTM_NEWROUTE to the main table, or the selected one) with
    /// priority = Metric + interface metric, rtm_protocol from Protocol, and for IPv6 a finite
    /// ValidLifetime as RTA_EXPIRES. Age, Origin, Loopback, AutoconfigureAddress, Publish, Immortal and
    /// SitePrefixLength have no Linux equivalent and are not stored. InvalidParameter for a bad key,
    /// PreferredLifetime above ValidLifetime, or SitePrefixLength longer than the prefix; NotFound
    /// for an unknown interface (as Microsoft documents; the readers say FileNotFound); ObjectAlreadyExists when the interface already has a route with that
    /// prefix and next hop; NotSupported for a finite IPv4 lifetime; AccessDenied without CAP_NET_ADMIN.
    /// </summary>
    public static NetIoStatus CreateIpForwardEntry2(in MibIpForwardRow2 row)
    {
        var key = row;
        var status = UnknownInterfaceIsNotFound(ValidateRouteKey(ref key));
        if (status != NetIoStatus.Success) return status;
        status = ValidateRouteSettings(key);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.CreateIpForwardEntry(RouteTables.Current, key));
        return status == NetIoStatus.Success ? Ok() : UnknownInterfaceIsNotFound(status);
    }

    /// <summary>
    /// SetIpForwardEntry2: changes the metric (Metric + interface metric; 0xFFFFFFFF keeps it), the
    /// protocol (an undefined value keeps it) and, for IPv6, the lifetime of the route with the row's
    /// key. Linux cannot change a route's priority in place: the route is deleted and written again in
    /// one batch (the next hop alone, for a multipath route), and restored if the new one is refused.
    /// InvalidParameter for a bad key or lifetimes; NotFound for an unknown interface or when the route
    /// does not exist.
    /// </summary>
    public static NetIoStatus SetIpForwardEntry2(in MibIpForwardRow2 route)
    {
        var key = route;
        var status = UnknownInterfaceIsNotFound(ValidateRouteKey(ref key));
        if (status != NetIoStatus.Success) return status;
        if (key.PreferredLifetime > key.ValidLifetime)
            return Fail(NetIoStatus.InvalidParameter, $"PreferredLifetime {key.PreferredLifetime} is longer than ValidLifetime {key.ValidLifetime}", "PreferredLifetime");
        status = Record(Backend.SetIpForwardEntry(RouteTables.Current, key));
        return status == NetIoStatus.Success ? Ok() : UnknownInterfaceIsNotFound(status);
    }

    /// <summary>
    /// DeleteIpForwardEntry2: deletes the route with the row's key (RTM_DELROUTE carrying the exact
    /// table, type, scope, protocol and priority of the kernel route found, so no other route is
    /// touched). For one next hop of an IPv4 multipath route, the route is written again without it.
    /// InvalidParameter for a bad key; NotFound for an unknown interface or when the route does not
    /// exist.
    /// </summary>
    public static NetIoStatus DeleteIpForwardEntry2(in MibIpForwardRow2 row)
    {
        var key = row;
        var status = UnknownInterfaceIsNotFound(ValidateRouteKey(ref key));
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.DeleteIpForwardEntry(RouteTables.Current, key));
        return status == NetIoStatus.Success ? Ok() : UnknownInterfaceIsNotFound(status);
    }

    /// <summary>
    /// Checks the key of a route row as Windows does (a DestinationPrefix and a NextHop of the same
    /// family, a prefix length that fits, no host bits, a LUID or an index) and resolves the interface,
    /// writing its index and LUID into <paramref name="row"/>.
    /// </summary>
    private static NetIoStatus ValidateRouteKey(ref MibIpForwardRow2 row)
    {
        var status = ValidateRouteKeyFields(row);
        if (status != NetIoStatus.Success) return status;
        status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        row.InterfaceIndex = identity.Index;
        row.InterfaceLuid = identity.Luid;
        return NetIoStatus.Success;
    }

    private static NetIoStatus ValidateRouteKeyFields(in MibIpForwardRow2 row)
    {
        var family = row.DestinationPrefix.Prefix.Family;
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, "DestinationPrefix has no IPv4 or IPv6 address", "DestinationPrefix");
        var maxLength = family == AddressFamily.InterNetwork ? 32 : 128;
        if (row.DestinationPrefix.PrefixLength > maxLength)
            return Fail(NetIoStatus.InvalidParameter, $"prefix length {row.DestinationPrefix.PrefixLength} is longer than {maxLength}", "DestinationPrefix");
        if (row.DestinationPrefix.HasHostBits)
            return Fail(NetIoStatus.InvalidParameter, $"{row.DestinationPrefix} has bits set beyond its prefix length", "DestinationPrefix");
        if (row.NextHop.Family != family)
            return Fail(NetIoStatus.InvalidParameter, $"NextHop is not an {FamilyName(family)} address (use the unspecified address for an on-link route)", "NextHop");
        if (!HasValidScope(row.NextHop))
            return Fail(NetIoStatus.InvalidParameter, $"NextHop {row.NextHop} has a scope id but is not link-local", "NextHop");
        if (row.InterfaceLuid.IsUnspecified && row.InterfaceIndex == 0)
            return Fail(NetIoStatus.InvalidParameter, "neither InterfaceLuid nor InterfaceIndex is set", "InterfaceLuid");
        return NetIoStatus.Success;
    }

    /// <summary>The checks Windows documents for CreateIpForwardEntry2 besides the key.</summary>
    private static NetIoStatus ValidateRouteSettings(in MibIpForwardRow2 row)
    {
        if (row.PreferredLifetime > row.ValidLifetime)
            return Fail(NetIoStatus.InvalidParameter, $"PreferredLifetime {row.PreferredLifetime} is longer than ValidLifetime {row.ValidLifetime}", "PreferredLifetime");
        // 255 is the "unspecified" value InitializeIpForwardEntry leaves.
        if (row.SitePrefixLength != byte.MaxValue && row.SitePrefixLength > row.DestinationPrefix.PrefixLength)
            return Fail(NetIoStatus.InvalidParameter, $"SitePrefixLength {row.SitePrefixLength} is longer than the prefix length {row.DestinationPrefix.PrefixLength}", "SitePrefixLength");
        return NetIoStatus.Success;
    }

    private static string FamilyName(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "IPv4",
        AddressFamily.InterNetworkV6 => "IPv6",
        _ => "IPv4 or IPv6",
    };
}
