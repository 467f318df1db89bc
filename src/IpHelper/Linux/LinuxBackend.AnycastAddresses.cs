using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetAnycastAddressTable(AddressFamily family, out MibTable<MibAnycastIpAddressRow>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        var status = ReadAnycast(lease.Socket, family, 0, out var memberships);
        return status == NetIoStatus.Success ? MembershipTable(lease.Socket, memberships, FillAnycast, out table) : status;
    }

    public BackendResult GetAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibAnycastIpAddressRow row)
    {
        row = default;
        if (address.Family == AddressFamily.InterNetwork) return NoIpv4Anycast();
        using var lease = Context.Sockets.Rent();
        var status = FindAnycast(lease.Socket, iface, address, out var found);
        if (status != NetIoStatus.Success) return status;
        if (!found) return NotAnAddressOf(iface, address, "anycast");
        Span<byte> bytes = stackalloc byte[16];
        address.WriteAddressBytes(bytes);
        var membership = new Membership { Index = (int)iface.Index, Length = 16 };
        bytes.CopyTo(membership.Bytes);
        FillAnycast(ref row, membership, iface.Luid);
        return BackendResult.Success;
    }

    public BackendResult CreateAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (address.Family == AddressFamily.InterNetwork) return NoIpv4Anycast();
        using (var lease = Context.Sockets.Rent())
        {
            var status = FindAnycast(lease.Socket, iface, address, out var exists);
            if (status != NetIoStatus.Success) return status;
            if (exists) return BackendResult.Fail(NetIoStatus.ObjectAlreadyExists, $"{address} is already an anycast address of {iface.Alias}", "Address", Errno.EEXIST);
        }
        Span<byte> bytes = stackalloc byte[16];
        address.WriteAddressBytes(bytes);
        var errno = Context.Anycast.Join((int)iface.Index, bytes);
        if (errno == 0) return BackendResult.Success;
        var (result, reason) = errno switch
        {
            Errno.EINVAL => (NetIoStatus.InvalidParameter, $"{address} cannot be an anycast address (it is a local unicast address, or not unicast)"),
            // A host (forwarding off) may only join anycast addresses inside one of the interface's on-link prefixes.
            Errno.EADDRNOTAVAIL => (NetIoStatus.InvalidParameter, $"{address} is in no on-link prefix of {iface.Alias}, which Linux requires when forwarding is off"),
            Errno.ENODEV => (NetIoStatus.NotFound, $"interface {iface.Alias} disappeared"),
            _ => (Errno.ToStatus(errno), $"IPV6_JOIN_ANYCAST {address} on {iface.Alias} failed"),
        };
        return BackendResult.Fail(result, reason, "Address", errno);
    }

    public BackendResult DeleteAnycastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        if (address.Family == AddressFamily.InterNetwork) return NoIpv4Anycast();
        Span<byte> bytes = stackalloc byte[16];
        address.WriteAddressBytes(bytes);
        if (Context.Anycast.Leave((int)iface.Index, bytes)) return BackendResult.Success;
        using var lease = Context.Sockets.Rent();
        var status = FindAnycast(lease.Socket, iface, address, out var exists);
        if (status != NetIoStatus.Success) return status;
        return exists
            ? BackendResult.Fail(NetIoStatus.NotSupported,
                $"{address} on {iface.Alias} is held by the kernel (subnet-router anycast of a forwarding interface) or by another socket; Linux lets only its owner leave it", "Address")
            : NotAnAddressOf(iface, address, "anycast");
    }

    /// <summary>The IPv6 anycast list: RTM_GETANYCAST AF_INET6, or /proc/net/anycast6. IPv4 has no anycast addresses.</summary>
    private BackendResult ReadAnycast(NetlinkSocket socket, AddressFamily family, int index, out List<Membership> memberships)
    {
        memberships = [];
        return family == AddressFamily.InterNetwork
            ? BackendResult.Success
            : ReadMemberships(socket, RtnlMessageType.RTM_GETANYCAST, LinuxFamily.AF_INET6, index, "anycast6", memberships);
    }

    private BackendResult FindAnycast(NetlinkSocket socket, in InterfaceIdentity iface, in SockAddrInet address, out bool found)
    {
        found = false;
        var status = ReadAnycast(socket, address.Family, (int)iface.Index, out var memberships);
        if (status != NetIoStatus.Success) return status;
        Span<byte> wanted = stackalloc byte[16];
        wanted = wanted[..address.WriteAddressBytes(wanted)];
        foreach (var membership in memberships) found |= membership.Address.SequenceEqual(wanted);
        return BackendResult.Success;
    }

    private static void FillAnycast(ref MibAnycastIpAddressRow row, in Membership membership, NetLuid luid)
    {
        var scopeId = NeedsScope(membership.Address) ? (uint)membership.Index : 0;
        row.Address = SockAddrInet.FromBytes(membership.Address, scopeId);
        row.InterfaceIndex = (uint)membership.Index;
        row.InterfaceLuid = luid;
        row.ScopeId = new ScopeId(scopeId);
    }

    private static BackendResult NoIpv4Anycast() =>
        BackendResult.Fail(NetIoStatus.NotSupported, "IPv4 has no anycast addresses on Linux (only IPv6 has IPV6_JOIN_ANYCAST)", "Address");
}
