using System.Net.Sockets;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// An IpHelper extension beyond the Windows API: the rows <see cref="GetIpForwardTable2"/> returns (same
    /// families, order, tables and fields), handed out as they are read instead of in one table, so a
    /// million routes cost one netlink datagram of memory and the first row comes before the kernel has sent
    /// the last. On Linux: the RTM_GETROUTE dumps of GetIpForwardTable2, read datagram by datagram when the
    /// caller asks for rows and decoded by the same code; the interfaces (LUID, loopback, interface metric)
    /// come from one RTM_GETLINK dump taken when the call is made. On Windows: GetIpForwardTable2, then its rows.
    /// <para>
    /// Consistency: a dump that changes under the read (NLM_F_DUMP_INTR; for IPv6 a route removed or replaced
    /// during the dump, watched through RTNLGRP_IPV6_ROUTE; a route on an interface newer than the snapshot) is
    /// repeated without a trace while none of its rows has been handed out, up to 16 times as for
    /// GetIpForwardTable2 (then <see cref="MibRowStream{TRow}.Status"/> is GenFailure, EINTR). Rows already
    /// handed out cannot be taken back: the read then goes on to the end and
    /// <see cref="MibRowStream{TRow}.Interrupted"/> is set (a route on an interface newer than the snapshot
    /// is left out). IPv6 routes only added during the dump (the kernel may then send a route twice) repeat
    /// the dump within the same limit while nothing is out, and are otherwise reported the same way, never failed. `ip route show` in the same case prints what it received and
    /// "Dump was interrupted and may be inconsistent." on stderr (iproute2 6.1: exit code 0); it repeats
    /// nothing and does not watch IPv6 dumps.
    /// </para>
    /// Returns InvalidParameter for another family (with a null stream), or the failure of the interface
    /// snapshot or the first request. An empty table is an empty stream, not NotFound. The stream is bound to
    /// the namespace and route-table scopes of the call (<see cref="NetNamespace.Enter(string)"/>,
    /// <see cref="RouteTables.Enter(uint)"/>), wherever it is read afterwards. Dispose it (or let foreach do so).
    /// </summary>
    /// <param name="family">AF_UNSPEC (IPv4, then IPv6), AF_INET or AF_INET6.</param>
    /// <param name="rows">The stream of rows, or null when the call fails.</param>
    public static NetIoStatus EnumerateIpForwardTable2(AddressFamily family, out MibRowStream<MibIpForwardRow2>? rows)
    {
        rows = null;
        if (family is not (AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            return Fail(NetIoStatus.InvalidParameter, $"family {(int)family} is not AF_UNSPEC, AF_INET or AF_INET6", "Family");
        var status = Record(Backend.EnumerateIpForwardTable(family, RouteTables.Current, out var source));
        if (status != NetIoStatus.Success) return status;
        rows = new MibRowStream<MibIpForwardRow2>(source!);
        return Ok();
    }
}
