using System.Runtime.InteropServices;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// Asks the kernel which route it would use for one destination (RTM_GETROUTE without NLM_F_DUMP, as
/// <c>ip route get</c> does): the outgoing interface, the gateway, the route type and the source address
/// the kernel itself would pick (RTA_PREFSRC).
/// </summary>
internal static class RouteLookup
{
    private const ushort RTA_DST = 1, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PREFSRC = 7;

    /// <summary>rtm_type values (RTN_*).</summary>
    public const byte RTN_UNICAST = 1, RTN_LOCAL = 2, RTN_BROADCAST = 3, RTN_ANYCAST = 4, RTN_MULTICAST = 5;

    /// <summary>
    /// Looks up <paramref name="destination"/> (4 or 16 bytes) with the Linux family, restricted to
    /// <paramref name="outputInterface"/> when it is not 0. A kernel error (ENETUNREACH, EHOSTUNREACH,
    /// ENODEV, ...) comes back as the error; <paramref name="result"/> is then empty.
    /// </summary>
    public static NetlinkError Lookup(NetlinkSocket socket, byte family, ReadOnlySpan<byte> destination, int outputInterface, out RouteLookupResult result)
    {
        using var request = new NetlinkMessageWriter();
        request.BeginMessage(RtnlMessageType.RTM_GETROUTE, 0);
        ref var header = ref request.Header<RtMsg>();
        header.Family = family;
        header.DestinationLength = (byte)(destination.Length * 8);
        request.Put(RTA_DST, destination);
        if (outputInterface != 0) request.PutU32(RTA_OIF, (uint)outputInterface);
        request.EndMessage();
        var reader = new Reader();
        var error = socket.Execute(request, ref reader);
        result = error.Failed ? default : reader.Result;
        if (!error.Failed && !reader.Result.Found) return new NetlinkError(Errno.EBADMSG, "the kernel answered RTM_GETROUTE without a route");
        return error;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RtMsg
    {
        public byte Family;
        public byte DestinationLength;
        public byte SourceLength;
        public byte Tos;
        public byte Table;
        public byte Protocol;
        public byte Scope;
        public byte Type;
        public uint Flags;
    }

    private struct Reader : INetlinkReplyHandler
    {
        public RouteLookupResult Result;

        public void OnMessage(in NetlinkMessage message)
        {
            if (message.Type != RtnlMessageType.RTM_NEWROUTE || !message.TryReadHeader(out RtMsg header)) return;
            var found = new RouteLookupResult { Found = true, Type = header.Type };
            var attributes = message.Attributes(System.Runtime.CompilerServices.Unsafe.SizeOf<RtMsg>());
            while (attributes.MoveNext())
            {
                var attribute = attributes.Current;
                switch (attribute.Type)
                {
                    case RTA_OIF: if (attribute.TryGetU32(out var oif)) found.OutputInterface = (int)oif; break;
                    case RTA_GATEWAY: found.GatewayLength = Copy(attribute.Value, ref found.Gateway); break;
                    case RTA_PREFSRC: found.PreferredSourceLength = Copy(attribute.Value, ref found.PreferredSource); break;
                }
            }
            if (!attributes.Malformed) Result = found;
        }

        public readonly void OnRestart() { }

        private static byte Copy(ReadOnlySpan<byte> value, ref Ipv6AddressBytes target)
        {
            if (value.Length is not (4 or 16)) return 0;
            value.CopyTo(target);
            return (byte)value.Length;
        }
    }
}

/// <summary>The kernel's answer to a route lookup; addresses are in network order, their lengths 0 when absent.</summary>
internal struct RouteLookupResult
{
    public bool Found;
    public byte Type;
    public int OutputInterface;
    public Ipv6AddressBytes Gateway;
    public byte GatewayLength;
    public Ipv6AddressBytes PreferredSource;
    public byte PreferredSourceLength;
}
