using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// The neighbour cache (ARP for IPv4, Neighbor Discovery for IPv6) of <paramref name="family"/>
    /// (InterNetwork, InterNetworkV6, or Unspecified for both), from an RTM_GETNEIGH dump. Every entry
    /// is returned, including the kernel's NOARP mappings for multicast addresses (State Permanent, as
    /// Windows lists 224.0.0.22). NotFound with an empty table when there is no entry, as Windows
    /// documents; InvalidParameter and a null table for any other family.
    /// </summary>
    public static NetIoStatus GetIpNetTable2(AddressFamily family, out MibTable<MibIpNetRow2>? table)
    {
        table = null;
        var status = CheckTableFamily(family);
        return status == NetIoStatus.Success ? Record(Backend.GetIpNetTable(family, out table)) : status;
    }

    /// <summary>
    /// Fills <paramref name="row"/> with the neighbour entry for its Address on the interface named by its
    /// InterfaceLuid or, when that is zero, its InterfaceIndex (RTM_GETNEIGH). InvalidParameter for an address
    /// that is not IPv4 or IPv6 or is unspecified, for an IPv6 scope id naming another interface, or when both
    /// LUID and index are zero; FileNotFound for an unknown interface; NotFound when the interface has no entry
    /// for the address. The row is left as it was on failure.
    /// </summary>
    public static NetIoStatus GetIpNetEntry2(ref MibIpNetRow2 row)
    {
        var status = CheckNeighborRow(row, rejectLoopback: false, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.GetIpNetEntry(identity, row.Address, ref row));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Adds a neighbour entry (RTM_NEWNEIGH with NLM_F_CREATE|NLM_F_EXCL): Address on the interface, with
    /// PhysicalAddress/PhysicalAddressLength, the router flag IsRouter (NTF_ROUTER) and the State mapped as
    /// docs/mapping.md says (Permanent for a zeroed State, like Windows' New-NetNeighbor). InvalidParameter for
    /// a bad or loopback address, a PhysicalAddressLength other than the interface's link-layer address length,
    /// a State Linux cannot write (Incomplete), or no LUID and index; FileNotFound for an unknown interface;
    /// ObjectAlreadyExists when the interface already has an entry for the address (also a dynamic one).
    /// </summary>
    public static NetIoStatus CreateIpNetEntry2(in MibIpNetRow2 row)
    {
        var status = CheckWritableNeighborRow(row, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.CreateIpNetEntry(identity, row));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Replaces the physical address, State and IsRouter of an existing neighbour entry (RTM_NEWNEIGH with
    /// NLM_F_REPLACE and without NLM_F_CREATE). The same checks as <see cref="CreateIpNetEntry2"/>; NotFound
    /// when the interface has no entry for the address.
    /// </summary>
    public static NetIoStatus SetIpNetEntry2(ref MibIpNetRow2 row)
    {
        var status = CheckWritableNeighborRow(row, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.SetIpNetEntry(identity, row));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Deletes the neighbour entry for Address on the interface (RTM_DELNEIGH); only the address and the
    /// interface are used. InvalidParameter for a bad address or no LUID and index; FileNotFound for an unknown
    /// interface; NotFound when there is no such entry.
    /// </summary>
    public static NetIoStatus DeleteIpNetEntry2(in MibIpNetRow2 row)
    {
        var status = CheckNeighborRow(row, rejectLoopback: false, out var identity);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.DeleteIpNetEntry(identity, row.Address));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Deletes the dynamic neighbour entries of <paramref name="family"/> (Unspecified: both) on the interface
    /// <paramref name="interfaceIndex"/>, or on every interface when it is 0: one dump, then one batch of
    /// RTM_DELNEIGH. Permanent entries and the kernel's NOARP mappings stay, as with <c>ip neigh flush</c>.
    /// InvalidParameter for another family; FileNotFound for an unknown interface index.
    /// </summary>
    public static NetIoStatus FlushIpNetTable2(AddressFamily family, uint interfaceIndex)
    {
        var status = CheckTableFamily(family);
        if (status != NetIoStatus.Success) return status;
        status = Record(Backend.FlushIpNetTable(family, interfaceIndex));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>
    /// Resolves the link-layer address of the row's Address with a real ARP request (IPv4) or Neighbor
    /// Solicitation (IPv6), without a source address: see <see cref="ResolveIpNetEntry2(ref MibIpNetRow2, in SockAddrInet)"/>.
    /// </summary>
    public static NetIoStatus ResolveIpNetEntry2(ref MibIpNetRow2 row) => ResolveIpNetEntry2(ref row, default);

    /// <summary>
    /// Resolves the link-layer address of the row's Address: deletes the existing entry, makes the kernel send
    /// an ARP request (IPv4) or Neighbor Solicitation (IPv6) at once (RTM_NEWNEIGH with NTF_USE), and waits,
    /// as long as the interface's neighbour parameters let the kernel retry (mcast_solicit × retrans_time_ms,
    /// 3 s by default), for the answer; then fills <paramref name="row"/>. The interface is the row's
    /// (LUID, else index); when both are zero, the one that owns <paramref name="sourceAddress"/>, else the
    /// interface of the route to Address. An unspecified <paramref name="sourceAddress"/> stands for Windows' NULL.
    /// BadNetName when no answer came (the entry is then FAILED), the interface is down, or no route leads to
    /// Address; InvalidParameter for a bad, loopback or multicast address, or a source address that is not an
    /// address of the interface; NotFound for an unknown interface; NotSupported for an interface without
    /// neighbour discovery (loopback, tun, IFF_NOARP). The row is left as it was on failure.
    /// </summary>
    public static NetIoStatus ResolveIpNetEntry2(ref MibIpNetRow2 row, in SockAddrInet sourceAddress)
    {
        var status = CheckNeighborAddress(row.Address, rejectLoopback: true);
        if (status != NetIoStatus.Success) return status;
        if (IsMulticastOrBroadcast(row.Address))
            return Fail(NetIoStatus.InvalidParameter, $"{row.Address} is a multicast or broadcast address, which is never resolved", "Address");
        if (!sourceAddress.IsUnspecified && sourceAddress.Family != row.Address.Family)
            return Fail(NetIoStatus.InvalidParameter, "the source address is not of the family of Address", "SourceAddress");
        uint index = 0;
        if (!row.InterfaceLuid.IsUnspecified || row.InterfaceIndex != 0)
        {
            status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
            // ResolveIpNetEntry2 documents ERROR_NOT_FOUND, not ERROR_FILE_NOT_FOUND, for an unknown interface.
            if (status == NetIoStatus.FileNotFound) return Fail(NetIoStatus.NotFound, LastErrorDetail?.Message ?? "unknown interface", "InterfaceLuid");
            if (status != NetIoStatus.Success) return status;
            status = CheckScope(row.Address, identity);
            if (status != NetIoStatus.Success) return status;
            index = identity.Index;
        }
        else if (row.Address.ScopeId != 0)
        {
            index = row.Address.ScopeId;
        }
        status = Record(Backend.ResolveIpNetEntry(index, row.Address, sourceAddress, ref row));
        return status == NetIoStatus.Success ? Ok() : status;
    }

    /// <summary>AF_INET, AF_INET6 and AF_UNSPEC are the families a table function accepts; anything else is InvalidParameter.</summary>
    private static NetIoStatus CheckTableFamily(AddressFamily family) =>
        family is AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? NetIoStatus.Success
            : Fail(NetIoStatus.InvalidParameter, $"family {(int)family} is not AF_INET, AF_INET6 or AF_UNSPEC", "Family");

    private static NetIoStatus CheckWritableNeighborRow(in MibIpNetRow2 row, out InterfaceIdentity identity)
    {
        identity = default;
        if (row.PhysicalAddressLength > IfPhysicalAddressBuffer.MaxLength)
            return Fail(NetIoStatus.InvalidParameter, $"PhysicalAddressLength {row.PhysicalAddressLength} is above {IfPhysicalAddressBuffer.MaxLength}", "PhysicalAddressLength");
        return CheckNeighborRow(row, rejectLoopback: true, out identity);
    }

    /// <summary>The checks every neighbour function makes: a usable address, an interface named by LUID or index that exists, a matching scope.</summary>
    private static NetIoStatus CheckNeighborRow(in MibIpNetRow2 row, bool rejectLoopback, out InterfaceIdentity identity)
    {
        identity = default;
        var status = CheckNeighborAddress(row.Address, rejectLoopback);
        if (status != NetIoStatus.Success) return status;
        if (row.InterfaceLuid.IsUnspecified && row.InterfaceIndex == 0)
            return Fail(NetIoStatus.InvalidParameter, "neither InterfaceLuid nor InterfaceIndex is set", "InterfaceLuid");
        status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out identity);
        if (status != NetIoStatus.Success) return status;
        return CheckScope(row.Address, identity);
    }

    private static NetIoStatus CheckNeighborAddress(in SockAddrInet address, bool rejectLoopback)
    {
        if (address.Family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, $"Address has family {(int)address.Family}, not AF_INET or AF_INET6", "Address");
        if (address.IsUnspecified) return Fail(NetIoStatus.InvalidParameter, "Address is unspecified (0.0.0.0 or ::)", "Address");
        if (rejectLoopback && address.IsLoopback) return Fail(NetIoStatus.InvalidParameter, $"{address} is a loopback address", "Address");
        return NetIoStatus.Success;
    }

    /// <summary>An IPv6 scope id, when set, must name the row's interface.</summary>
    private static NetIoStatus CheckScope(in SockAddrInet address, in InterfaceIdentity identity) =>
        address.ScopeId != 0 && address.ScopeId != identity.Index
            ? Fail(NetIoStatus.InvalidParameter, $"the scope id of {address} names interface {address.ScopeId}, not {identity.Alias} ({identity.Index})", "Address")
            : NetIoStatus.Success;

    private static bool IsMulticastOrBroadcast(in SockAddrInet address)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = address.WriteAddressBytes(bytes);
        return length == 4 ? bytes[0] >= 224 : bytes[0] == 0xFF;
    }
}
