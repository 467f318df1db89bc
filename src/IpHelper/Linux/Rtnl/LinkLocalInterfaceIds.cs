using System.Runtime.InteropServices;
using IpHelper.Linux.Netlink;

namespace IpHelper.Linux.Rtnl;

/// <summary>
/// The IPv6 interface identifiers in use on each interface, taken from its link-local address
/// (fe80::/10): an RTM_GETADDR dump of AF_INET6 (filtered by the kernel to one interface when asked).
/// The address the kernel configured itself (IFA_PROTO = IFAPROT_KERNEL_LL) wins over one added by hand.
/// </summary>
internal struct LinkLocalInterfaceIds() : INetlinkReplyHandler
{
    private const byte AF_INET6 = 10;
    private const ushort IFA_ADDRESS = 1, IFA_PROTO = 11;
    private const byte IFAPROT_KERNEL_LL = 3;

    private readonly Dictionary<int, (ulong Id, bool Kernel)> _ids = [];

    /// <summary>True when a reply could not be decoded.</summary>
    public bool Malformed { get; private set; }

    /// <summary>A dump of the IPv6 addresses of one interface, or of all when <paramref name="interfaceIndex"/> is 0.</summary>
    public static void Dump(NetlinkMessageWriter writer, int interfaceIndex)
    {
        writer.BeginMessage(RtnlMessageType.RTM_GETADDR, 0);
        ref var header = ref writer.Header<IfAddrHeader>();
        header.Family = AF_INET6;
        header.Index = interfaceIndex;
        writer.EndMessage();
    }

    /// <summary>
    /// The 64-bit interface identifier of the interface's link-local address: the last 8 bytes of the
    /// address in network order, as they lie in memory (read as a little-endian ULONG64); 0 when none.
    /// </summary>
    public readonly ulong Of(int interfaceIndex) => _ids.TryGetValue(interfaceIndex, out var id) ? id.Id : 0;

    public void OnMessage(in NetlinkMessage message)
    {
        if (message.Type != RtnlMessageType.RTM_NEWADDR) return;
        if (!message.TryReadHeader(out IfAddrHeader header))
        {
            Malformed = true;
            return;
        }
        if (header.Family != AF_INET6) return;
        ReadOnlySpan<byte> address = default;
        byte protocol = 0;
        var attributes = message.Attributes(Marshal.SizeOf<IfAddrHeader>());
        while (attributes.MoveNext())
        {
            if (attributes.Current.Type == IFA_ADDRESS) address = attributes.Current.Value;
            else if (attributes.Current.Type == IFA_PROTO) attributes.Current.TryGetU8(out protocol);
        }
        if (attributes.Malformed)
        {
            Malformed = true;
            return;
        }
        if (address.Length != 16 || address[0] != 0xFE || (address[1] & 0xC0) != 0x80) return;
        var kernel = protocol == IFAPROT_KERNEL_LL;
        if (_ids.TryGetValue(header.Index, out var known) && (known.Kernel || !kernel)) return;
        _ids[header.Index] = (BitConverter.ToUInt64(address[8..]), kernel);
    }

    public readonly void OnRestart() => _ids.Clear();

    /// <summary>struct ifaddrmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct IfAddrHeader
    {
        public byte Family;
        public byte PrefixLength;
        public byte Flags;
        public byte Scope;
        public int Index;
    }
}
