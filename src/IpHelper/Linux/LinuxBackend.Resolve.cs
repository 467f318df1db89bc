using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;
using static IpHelper.Linux.Rtnl.NeighborConstants;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    private const int ResolvePollMs = 10;
    private const int ResolveSlackMs = 500;
    private const int ResolveMaxWaitMs = 60_000;

    public BackendResult ResolveIpNetEntry(uint interfaceIndex, in SockAddrInet address, in SockAddrInet source, ref MibIpNetRow2 row)
    {
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var status = ChooseResolveInterface(socket, (int)interfaceIndex, address, source, out var ifIndex);
        if (status != NetIoStatus.Success) return status;
        status = LinkDirectory.LoadOne(socket, ifIndex, out var link);
        if (status == NetIoStatus.FileNotFound) return BackendResult.Fail(NetIoStatus.NotFound, $"no interface has index {ifIndex}", "InterfaceIndex");
        if (status != NetIoStatus.Success) return status;
        if (!link.ResolvesNeighbors)
            return BackendResult.Fail(NetIoStatus.NotSupported, $"{link.Name} does not resolve neighbours (no link-layer address, or IFF_NOARP)", "InterfaceIndex");
        if (!link.IsUp)
            return BackendResult.Fail(NetIoStatus.BadNetName, $"{link.Name} is down: {address} cannot be resolved on it", "InterfaceIndex");

        var family = LinuxFamily.FromWindows(address.Family);
        Span<byte> destination = stackalloc byte[16];
        destination = destination[..address.WriteAddressBytes(destination)];
        using var request = new NetlinkMessageWriter();
        // Windows flushes the existing entry first, so the answer is fresh and not a cached one.
        NeighborRequest.Delete(request, family, ifIndex, destination);
        var error = socket.Execute(request);
        if (error.Failed && error.Errno != Errno.ENOENT) return Failed(error, "RTM_DELNEIGH");
        request.Clear();
        NeighborRequest.Probe(request, family, ifIndex, destination);
        error = socket.Execute(request);
        if (error.Failed) return Failed(error, "RTM_NEWNEIGH (NTF_USE)");

        var waitMs = ResolutionTimeMs(family, link.Name);
        var deadline = Environment.TickCount64 + waitMs;
        while (true)
        {
            error = GetNeighbor(socket, ifIndex, address, out var found);
            if (error.Failed && error.Errno != Errno.ENOENT) return Failed(error, "RTM_GETNEIGH");
            if (error.Errno == Errno.ENOENT || (found.Nud & NUD_FAILED) != 0)
                return BackendResult.Fail(NetIoStatus.BadNetName, $"{address} did not answer on {link.Name}", "Address", error.Errno);
            if ((found.Nud & NUD_VALID) != 0)
            {
                found.Row.InterfaceLuid = link.Luid;
                row = found.Row;
                return BackendResult.Success;
            }
            if (Environment.TickCount64 >= deadline)
                return BackendResult.Fail(NetIoStatus.BadNetName, $"{address} did not answer on {link.Name} within {waitMs} ms", "Address", Errno.ETIMEDOUT);
            Thread.Sleep(ResolvePollMs);
        }
    }

    /// <summary>
    /// The interface to resolve on: the given one; else the one that owns <paramref name="source"/>; else the
    /// interface of the route to <paramref name="address"/>. A source must belong to the given interface.
    /// </summary>
    private BackendResult ChooseResolveInterface(NetlinkSocket socket, int given, in SockAddrInet address, in SockAddrInet source, out int ifIndex)
    {
        ifIndex = given;
        if (!source.IsUnspecified)
        {
            var error = LookupPath(socket, source, default, (int)source.ScopeId, fibMatch: true, out var owner);
            if (error.Failed && error.Errno is not (Errno.ENETUNREACH or Errno.EHOSTUNREACH or Errno.ENODEV or Errno.EINVAL))
                return Failed(error, "RTM_GETROUTE (source address)");
            if (error.Failed || owner.Type != PathExceptionConstants.RTN_LOCAL)
                return BackendResult.Fail(NetIoStatus.InvalidParameter, $"{source} is not an address of this machine", "SourceAddress", error.Errno);
            if (given != 0 && owner.OutputInterface != given)
                return BackendResult.Fail(NetIoStatus.InvalidParameter, $"{source} belongs to interface {owner.OutputInterface}, not to interface {given}", "SourceAddress");
            ifIndex = owner.OutputInterface;
            return BackendResult.Success;
        }
        if (given != 0) return BackendResult.Success;
        var lookup = LookupPath(socket, address, default, 0, fibMatch: false, out var route);
        if (lookup.Errno is Errno.ENETUNREACH or Errno.EHOSTUNREACH or Errno.EINVAL)
            return BackendResult.Fail(NetIoStatus.BadNetName, $"no route reaches {address}, so no interface can resolve it", "Address", lookup.Errno, lookup.Message);
        if (lookup.Failed) return Failed(lookup, "RTM_GETROUTE");
        ifIndex = route.OutputInterface;
        return BackendResult.Success;
    }

    /// <summary>
    /// How long the kernel keeps trying before it declares the neighbour FAILED: (mcast_solicit + app_solicit)
    /// solicitations retrans_time_ms apart, plus a little slack to see the verdict; 3 s when the sysctls
    /// cannot be read (the kernel defaults), at most a minute.
    /// </summary>
    private long ResolutionTimeMs(byte family, string interfaceName)
    {
        var directory = $"{(family == LinuxFamily.AF_INET ? "ipv4" : "ipv6")}/neigh/{interfaceName}/";
        var retrans = Sysctl.ReadInt64(Context, directory + "retrans_time_ms") ?? 1000;
        var probes = (Sysctl.ReadInt64(Context, directory + "mcast_solicit") ?? 3) + (Sysctl.ReadInt64(Context, directory + "app_solicit") ?? 0);
        return Math.Clamp(Math.Max(probes, 1) * Math.Max(retrans, 1) + ResolveSlackMs, ResolveSlackMs, ResolveMaxWaitMs);
    }
}
