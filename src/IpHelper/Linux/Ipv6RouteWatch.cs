using System.Runtime.InteropServices;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// What changed under an IPv6 route dump, which the kernel never flags: two subscriptions to
/// RTNLGRP_IPV6_ROUTE opened before the dump, one whose socket filter passes only removals and
/// replacements (<see cref="RouteRemovalFilter"/>: a route may have been skipped), one that hears every
/// change (a route may have come twice). Owned by the one dump or stream that opened it.
/// </summary>
internal sealed class Ipv6RouteWatch : IDisposable
{
    private Ipv6RouteWatch(NetlinkSocket removals, NetlinkSocket additions)
    {
        Removals = removals;
        Additions = additions;
    }

    /// <summary>Receives only removals and replacements.</summary>
    public NetlinkSocket Removals { get; }

    /// <summary>Receives every change.</summary>
    public NetlinkSocket Additions { get; }

    /// <summary>Opens both subscriptions in <paramref name="context"/>'s namespace.</summary>
    public static NetlinkError Open(NamespaceContext context, out Ipv6RouteWatch? watch)
    {
        watch = null;
        NetlinkSocket? removals = null;
        try
        {
            removals = context.OpenSubscriber([], 64 * 1024, datagramBufferBytes: 4096);
            // Filter first, then join: no plain addition may reach it.
            var error = removals.AttachFilter(RouteRemovalFilter.Program)
                ? removals.JoinGroup(RtnlGroups.RTNLGRP_IPV6_ROUTE)
                : new NetlinkError(Marshal.GetLastPInvokeError(), "cannot attach the route-removal socket filter");
            if (!error.Failed)
            {
                watch = new Ipv6RouteWatch(removals, context.OpenSubscriber([RtnlGroups.RTNLGRP_IPV6_ROUTE], 4096, datagramBufferBytes: 4096));
                return error;
            }
            removals.Dispose();
            return error;
        }
        catch (NetlinkException e)
        {
            removals?.Dispose();
            return new NetlinkError(e.Errno, e.Message);
        }
    }

    public void Dispose()
    {
        Removals.Dispose();
        Additions.Dispose();
    }
}
