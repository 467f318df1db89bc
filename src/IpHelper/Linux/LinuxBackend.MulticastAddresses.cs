using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetMulticastAddressTable(AddressFamily family, out MibTable<MibMulticastIpAddressRow>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        var status = ReadMulticast(lease.Socket, family, 0, out var memberships);
        return status == NetIoStatus.Success ? MembershipTable(lease.Socket, memberships, FillMulticast, out table) : status;
    }

    public BackendResult GetMulticastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibMulticastIpAddressRow row)
    {
        row = default;
        using var lease = Context.Sockets.Rent();
        var status = ReadMulticast(lease.Socket, address.Family, (int)iface.Index, out var memberships);
        if (status != NetIoStatus.Success) return status;
        Span<byte> wanted = stackalloc byte[16];
        wanted = wanted[..address.WriteAddressBytes(wanted)];
        foreach (var membership in memberships)
        {
            if (!membership.Address.SequenceEqual(wanted)) continue;
            FillMulticast(ref row, membership, iface.Luid);
            return BackendResult.Success;
        }
        return NotAnAddressOf(iface, address, "multicast");
    }

    /// <summary>The groups joined on interfaces, IPv4 from RTM_GETMULTICAST AF_INET or /proc/net/igmp, IPv6 from AF_INET6 or igmp6.</summary>
    private BackendResult ReadMulticast(NetlinkSocket socket, AddressFamily family, int index, out List<Membership> memberships)
    {
        memberships = [];
        // The kernel refuses an AF_UNSPEC membership dump: each family is asked for on its own.
        if (family != AddressFamily.InterNetworkV6)
        {
            var status = ReadMemberships(socket, RtnlMessageType.RTM_GETMULTICAST, LinuxFamily.AF_INET, index, "igmp", memberships);
            if (status != NetIoStatus.Success) return status;
        }
        if (family != AddressFamily.InterNetwork)
            return ReadMemberships(socket, RtnlMessageType.RTM_GETMULTICAST, LinuxFamily.AF_INET6, index, "igmp6", memberships);
        return BackendResult.Success;
    }

    private static void FillMulticast(ref MibMulticastIpAddressRow row, in Membership membership, NetLuid luid)
    {
        var scopeId = NeedsScope(membership.Address) ? (uint)membership.Index : 0;
        row.Address = SockAddrInet.FromBytes(membership.Address, scopeId);
        row.InterfaceIndex = (uint)membership.Index;
        row.InterfaceLuid = luid;
        row.ScopeId = new ScopeId(scopeId);
    }
}
