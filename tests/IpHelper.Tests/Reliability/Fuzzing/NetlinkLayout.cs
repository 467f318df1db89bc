using System.Buffers.Binary;
using IpHelper.Linux.Netlink;

namespace IpHelper.Tests.Reliability.Fuzzing;

/// <summary>
/// Where the length fields of a netlink datagram are, found by an independent walk: every message
/// header and every attribute (nested ones too, where a value parses exactly as attributes), each
/// with the length fields that enclose it, so a mutation can lie in one of them or insert bytes and
/// keep the enclosing lengths true.
/// </summary>
internal sealed class NetlinkLayout
{
    private const int MaxDepth = 4;

    private NetlinkLayout()
    {
    }

    /// <summary>Every message header: nlmsg_len is the u32 at <see cref="LengthField.Offset"/>.</summary>
    public List<LengthField> Messages { get; } = [];

    /// <summary>Every attribute: nla_len is the u16 at <see cref="LengthField.Offset"/>.</summary>
    public List<LengthField> Attributes { get; } = [];

    public static NetlinkLayout Of(ReadOnlySpan<byte> data)
    {
        var layout = new NetlinkLayout();
        var at = 0;
        while (data.Length - at >= NetlinkConstants.HeaderLength)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
            if (length < NetlinkConstants.HeaderLength || length > (uint)(data.Length - at)) break;
            var message = new LengthField(at, 4, (int)length, data.Length, []);
            layout.Messages.Add(message);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 4)..]);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 6)..]);
            var payload = data.Slice(at + NetlinkConstants.HeaderLength, (int)length - NetlinkConstants.HeaderLength);
            var fixedLength = FixedHeaderLength(type, flags, payload);
            if (fixedLength >= 0 && fixedLength <= payload.Length)
                layout.Walk(data, at + NetlinkConstants.HeaderLength + fixedLength, at + (int)length, [message], 0);
            at += NetlinkConstants.Align((int)length);
        }
        return layout;
    }

    /// <summary>
    /// Where the attributes of a message start in its payload, or -1 when it has none: the rtnetlink
    /// fixed headers (ifinfomsg, ifaddrmsg, rtmsg, ndmsg, ...) and the extended-ack TLVs of
    /// NLMSG_ERROR and NLMSG_DONE. An area with a new message type adds it here.
    /// </summary>
    public static int FixedHeaderLength(ushort type, ushort flags, ReadOnlySpan<byte> payload) => type switch
    {
        NetlinkConstants.NLMSG_ERROR when (flags & NetlinkConstants.NLM_F_ACK_TLVS) == 0 => -1,
        NetlinkConstants.NLMSG_ERROR when (flags & NetlinkConstants.NLM_F_CAPPED) != 0 => 4 + NetlinkConstants.HeaderLength,
        NetlinkConstants.NLMSG_ERROR => payload.Length >= 8 ? 4 + NetlinkConstants.Align((int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]), 0xFFFF)) : -1,
        NetlinkConstants.NLMSG_DONE => (flags & NetlinkConstants.NLM_F_ACK_TLVS) != 0 ? 4 : -1,
        >= 16 and <= 19 => 16,   // ifinfomsg
        >= 20 and <= 23 => 8,    // ifaddrmsg
        >= 24 and <= 27 => 12,   // rtmsg
        >= 28 and <= 31 => 12,   // ndmsg
        >= 56 and <= 63 => 8,    // multicast and anycast addresses: ifaddrmsg
        >= 64 and <= 67 => 4,    // ndtmsg
        >= 72 and <= 74 => 12,   // ifaddrlblmsg
        >= 80 and <= 82 => 4,    // netconfmsg
        >= 88 and <= 90 => 4,    // rtgenmsg (nsid)
        >= 104 and <= 106 => 8,  // nhmsg
        _ => -1,
    };

    private void Walk(ReadOnlySpan<byte> data, int start, int end, LengthField[] parents, int depth)
    {
        var at = start;
        while (end - at >= NetlinkConstants.AttributeHeaderLength)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
            if (length < NetlinkConstants.AttributeHeaderLength || length > end - at) return;
            var attribute = new LengthField(at, 2, length, end, parents);
            Attributes.Add(attribute);
            var valueStart = at + NetlinkConstants.AttributeHeaderLength;
            if (depth < MaxDepth && length >= 2 * NetlinkConstants.AttributeHeaderLength && ParsesExactly(data[valueStart..(at + length)]))
                Walk(data, valueStart, at + length, [.. parents, attribute], depth + 1);
            at += NetlinkConstants.Align(length);
        }
    }

    private static bool ParsesExactly(ReadOnlySpan<byte> value)
    {
        var at = 0;
        while (at < value.Length)
        {
            if (value.Length - at < NetlinkConstants.AttributeHeaderLength) return false;
            int length = BinaryPrimitives.ReadUInt16LittleEndian(value[at..]);
            if (length < NetlinkConstants.AttributeHeaderLength || length > value.Length - at) return false;
            at += NetlinkConstants.Align(length);
        }
        return true;
    }
}

/// <summary>
/// A length field: <see cref="Width"/> bytes (4 for nlmsg_len, 2 for nla_len) at <see cref="Offset"/>
/// holding <see cref="Length"/>, inside a container that ends at <see cref="ContainerEnd"/> and whose
/// own length fields are <see cref="Parents"/> (outermost first).
/// </summary>
internal readonly record struct LengthField(int Offset, int Width, int Length, int ContainerEnd, LengthField[] Parents);
