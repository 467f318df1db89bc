using System.Buffers.Binary;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// A socket filter that lets through only the route notifications that can make the kernel's IPv6 route
/// walk skip a route: everything but a plain RTM_NEWROUTE (one without NLM_F_REPLACE). The walk, resumed
/// after a change, skips as many routes as it has sent; a route added before its position only makes it
/// send the previous one again. Plain additions never reach a socket with this filter, so a flood of them
/// cannot fill its buffer.
/// </summary>
internal static class RouteRemovalFilter
{
    private const ushort LoadHalf = 0x28, JumpIfEqual = 0x15, JumpIfAnyBit = 0x45, Return = 0x06;

    /// <summary>The program: nlmsg_type at offset 4, nlmsg_flags at offset 6 of the message.</summary>
    public static ReadOnlySpan<Interop.SockFilter> Program => s_program;

    // BPF loads halves in network byte order; the netlink header is in host order.
    private static readonly Interop.SockFilter[] s_program =
    [
        new(LoadHalf, 0, 0, 4),
        new(JumpIfEqual, 0, 3, Host(RtnlMessageType.RTM_NEWROUTE)),
        new(LoadHalf, 0, 0, 6),
        new(JumpIfAnyBit, 1, 0, Host(NetlinkConstants.NLM_F_REPLACE)),
        new(Return, 0, 0, 0),
        new(Return, 0, 0, uint.MaxValue),
    ];

    private static uint Host(ushort value) => BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value;
}
