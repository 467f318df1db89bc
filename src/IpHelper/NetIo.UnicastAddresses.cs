using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Every unicast address of <paramref name="family"/> (AF_UNSPEC: IPv4 and IPv6), from an RTM_GETADDR
    /// dump: lifetimes from IFA_CACHEINFO, DadState from IFA_FLAGS, origins from ifa_proto and the
    /// flags, CreationTimeStamp from the kernel's creation stamp (docs/mapping.md has every field).
    /// Tentative and duplicate addresses are included. InvalidParameter for any other family.
    /// </summary>
    public static NetIoStatus GetUnicastIpAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table)
    {
        table = null;
        var status = CheckAddressTableFamily(family);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetUnicastAddressTable(family, out table));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Fills <paramref name="row"/> for the address <c>row.Address</c> on the interface named by
    /// InterfaceLuid or, when that is zero, InterfaceIndex. InvalidParameter when Address is not IPv4 or
    /// IPv6; FileNotFound when the LUID/index names no interface (both zero included, as Windows does);
    /// NotFound when the interface has no such address. The row is left as it was on failure.
    /// </summary>
    public static NetIoStatus GetUnicastIpAddressEntry(ref MibUnicastIpAddressRow row)
    {
        if (!IsInetFamily(row.Address.Family))
            return Fail(NetIoStatus.InvalidParameter, "Address is neither an IPv4 nor an IPv6 address", "Address");
        if (!HasValidScope(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"'{row.Address}' has a scope id but is not link-local", "Address");
        var status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetUnicastAddress(identity, row.Address, out var found));
        if (status != NetIoStatus.Success) return status;
        row = found;
        return Ok();
    }

    /// <summary>
    /// The defaults for a row to create: PrefixOrigin and SuffixOrigin Unchanged, OnLinkPrefixLength 255
    /// (full length), infinite lifetimes, SkipAsSource false, everything else zero.
    /// </summary>
    public static void InitializeUnicastIpAddressEntry(out MibUnicastIpAddressRow row)
    {
        row = default;
        row.PrefixOrigin = NlPrefixOrigin.IpPrefixOriginUnchanged;
        row.SuffixOrigin = NlSuffixOrigin.IpSuffixOriginUnchanged;
        row.OnLinkPrefixLength = OnLinkPrefixLengthUnspecified;
        row.ValidLifetime = InfiniteAddressLifetime;
        row.PreferredLifetime = InfiniteAddressLifetime;
    }

    /// <summary>
    /// Adds <c>row.Address</c> with prefix length OnLinkPrefixLength (255: 32 or 128) to the interface,
    /// like <c>ip address add</c>, with the row's lifetimes (finite lifetimes make a dynamic address the
    /// kernel removes when they end) and origins. DadState Preferred on IPv6 requests optimistic DAD
    /// (IFA_F_OPTIMISTIC) where the interface allows it (optimistic_dad), else no DAD (IFA_F_NODAD);
    /// DadState, ScopeId and CreationTimeStamp are otherwise ignored. Not persistent across reboots.
    /// InvalidParameter: not a unicast address, no LUID and no index, ValidLifetime below
    /// PreferredLifetime, one origin Unchanged and not the other, an origin outside its enumeration,
    /// OnLinkPrefixLength above 32/128 (other than 255), or the kernel refuses the address. NotSupported:
    /// SkipAsSource (Linux has no such per-address switch; see docs/mapping.md), or IPv6 is disabled on
    /// the interface. NotFound: no such interface. ObjectAlreadyExists: the interface has the address already
    /// (with any prefix length). AccessDenied: no CAP_NET_ADMIN.
    /// </summary>
    public static NetIoStatus CreateUnicastIpAddressEntry(in MibUnicastIpAddressRow row)
    {
        var status = CheckUnicastRow(row);
        if (status != NetIoStatus.Success) return status;
        status = ResolveAddressWriteInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        var wanted = row;
        if (wanted.OnLinkPrefixLength == OnLinkPrefixLengthUnspecified) wanted.OnLinkPrefixLength = AddressBits(row.Address);
        status = Record(Backend.CreateUnicastAddress(identity, wanted));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Changes an existing address of the interface (NLM_F_REPLACE, like <c>ip address replace</c>):
    /// ValidLifetime, PreferredLifetime, PrefixOrigin and SuffixOrigin (Unchanged keeps them), and
    /// OnLinkPrefixLength (255 keeps it; a new length deletes and re-adds the address, the only way
    /// Linux changes it, so the address gets a new CreationTimeStamp). The address's other kernel flags (nodad, noprefixroute, mngtmpaddr, ...), its
    /// label and its prefix route metric are kept. Same InvalidParameter and NotSupported checks as
    /// CreateUnicastIpAddressEntry; NotFound when the interface or the address does not exist.
    /// </summary>
    public static NetIoStatus SetUnicastIpAddressEntry(in MibUnicastIpAddressRow row)
    {
        var status = CheckUnicastRow(row);
        if (status != NetIoStatus.Success) return status;
        status = ResolveAddressWriteInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.SetUnicastAddress(identity, row));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Removes <c>row.Address</c> from the interface (whatever its prefix length), like
    /// <c>ip address del</c>. Only Address, InterfaceLuid and InterfaceIndex are used. InvalidParameter:
    /// not a unicast IPv4/IPv6 address, or neither LUID nor index; NotFound: no such interface, or the
    /// interface has no such address.
    /// </summary>
    public static NetIoStatus DeleteUnicastIpAddressEntry(in MibUnicastIpAddressRow row)
    {
        if (!IsUnicastAddress(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"'{row.Address}' is not a unicast IPv4 or IPv6 address", "Address");
        var status = ResolveAddressWriteInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.DeleteUnicastAddress(identity, row.Address));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>The argument checks Create and Set share, in the order the Windows pages list them.</summary>
    private static NetIoStatus CheckUnicastRow(in MibUnicastIpAddressRow row)
    {
        if (!IsUnicastAddress(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"'{row.Address}' is not a unicast IPv4 or IPv6 address", "Address");
        if (row.InterfaceLuid.IsUnspecified && row.InterfaceIndex == 0)
            return Fail(NetIoStatus.InvalidParameter, "neither InterfaceLuid nor InterfaceIndex is set", "InterfaceLuid");
        if (row.ValidLifetime < row.PreferredLifetime)
            return Fail(NetIoStatus.InvalidParameter, $"ValidLifetime {row.ValidLifetime} is shorter than PreferredLifetime {row.PreferredLifetime}", "ValidLifetime");
        var prefixUnchanged = row.PrefixOrigin == NlPrefixOrigin.IpPrefixOriginUnchanged;
        if (prefixUnchanged != (row.SuffixOrigin == NlSuffixOrigin.IpSuffixOriginUnchanged))
            return Fail(NetIoStatus.InvalidParameter, "PrefixOrigin and SuffixOrigin must both be Unchanged or both not", "PrefixOrigin");
        if (!prefixUnchanged && (uint)row.PrefixOrigin > (uint)NlPrefixOrigin.IpPrefixOriginRouterAdvertisement)
            return Fail(NetIoStatus.InvalidParameter, $"PrefixOrigin {(int)row.PrefixOrigin} is not an NL_PREFIX_ORIGIN value", "PrefixOrigin");
        if (!prefixUnchanged && (uint)row.SuffixOrigin > (uint)NlSuffixOrigin.IpSuffixOriginRandom)
            return Fail(NetIoStatus.InvalidParameter, $"SuffixOrigin {(int)row.SuffixOrigin} is not an NL_SUFFIX_ORIGIN value", "SuffixOrigin");
        if (row.OnLinkPrefixLength > AddressBits(row.Address) && row.OnLinkPrefixLength != OnLinkPrefixLengthUnspecified)
            return Fail(NetIoStatus.InvalidParameter, $"OnLinkPrefixLength {row.OnLinkPrefixLength} is longer than the address", "OnLinkPrefixLength");
        if (row.SkipAsSource)
            return Fail(NetIoStatus.NotSupported,
                "Linux has no per-address 'skip as source' switch; the nearest is PreferredLifetime 0 (deprecated: chosen as source only when nothing else fits)",
                "SkipAsSource");
        return NetIoStatus.Success;
    }

    private static byte AddressBits(in SockAddrInet address) => address.Family == AddressFamily.InterNetwork ? (byte)32 : (byte)128;
}
