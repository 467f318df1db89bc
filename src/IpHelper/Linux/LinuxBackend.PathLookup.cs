using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    /// <summary>What a route lookup (<c>ip route get</c>) says about the path to one destination.</summary>
    private struct PathLookupResult
    {
        public bool Found;
        public byte Type;
        public int OutputInterface;
        public SockAddrInet Gateway;
        public SockAddrInet PreferredSource;
        /// <summary>RTAX_MTU of the answer: an exception's path MTU or a route's configured MTU; 0 when neither.</summary>
        public uint Mtu;
    }

    /// <summary>
    /// Asks the kernel which route it would use for <paramref name="destination"/> (from <paramref name="source"/>
    /// and out of <paramref name="outputInterface"/> when given). With <paramref name="fibMatch"/> the answer is the
    /// FIB entry itself: for a local address, the local route on the interface that owns it.
    /// </summary>
    private static NetlinkError LookupPath(NetlinkSocket socket, in SockAddrInet destination, in SockAddrInet source, int outputInterface,
        bool fibMatch, out PathLookupResult result)
    {
        using var request = new NetlinkMessageWriter();
        Span<byte> destinationBytes = stackalloc byte[16];
        Span<byte> sourceBytes = stackalloc byte[16];
        destinationBytes = destinationBytes[..destination.WriteAddressBytes(destinationBytes)];
        sourceBytes = source.IsUnspecified ? default : sourceBytes[..source.WriteAddressBytes(sourceBytes)];
        var family = LinuxFamily.FromWindows(destination.Family);
        PathExceptionRequest.Lookup(request, family, destinationBytes, sourceBytes, outputInterface, fibMatch);
        var reader = new PathLookupReader();
        var error = socket.Execute(request, ref reader);
        result = reader.Result;
        if (!error.Failed && !result.Found) return new NetlinkError(Errno.EBADMSG, "the route lookup answered no route");
        return error;
    }

    /// <summary>An address of a Linux family from kernel bytes; an IPv6 link-local one gets the interface as its scope id.</summary>
    private static SockAddrInet AddressOf(ReadOnlySpan<byte> bytes, int ifIndex) =>
        bytes.Length switch
        {
            4 => SockAddrInet.FromBytes(bytes),
            16 => SockAddrInet.FromBytes(bytes, NeedsScope(bytes) ? (uint)ifIndex : 0),
            _ => default,
        };

    private struct PathLookupReader : INetlinkReplyHandler
    {
        public PathLookupResult Result;

        public void OnMessage(in NetlinkMessage message)
        {
            if (Result.Found || !PathExceptionMessage.TryDecode(message, out var path)) return;
            Result.Found = true;
            Result.Type = path.Type;
            Result.OutputInterface = path.OutputInterface;
            Result.Gateway = AddressOf(path.Gateway, path.OutputInterface);
            Result.PreferredSource = AddressOf(path.PreferredSource, path.OutputInterface);
            Result.Mtu = path.Mtu;
        }

        public void OnRestart() => Result = default;
    }
}
