using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Tests.Reliability.Fuzzing.Targets;

/// <summary>The netlink core: the message and attribute walks and the error decoder, over whole datagrams.</summary>
internal static class NetlinkTargets
{
    /// <summary>A decoder of one netlink message, as the rtnetlink object decoders (LinkMessage.TryDecode, ...) are.</summary>
    internal delegate void MessageDecoder(in NetlinkMessage message);

    /// <summary>The fixed header lengths tried when the attribute walk does not know the message type.</summary>
    private static readonly int[] s_fixedHeaderLengths = [0, 4, 8, 12, 16, 20];

    /// <summary>Walks the messages and reads every header field; the walk may only ever advance.</summary>
    public static void WalkMessages(ReadOnlySpan<byte> datagram)
    {
        var messages = new NetlinkMessageEnumerator(datagram);
        var count = 0;
        var payloadBytes = 0L;
        while (messages.MoveNext())
        {
            var message = messages.Current;
            count++;
            payloadBytes += message.Payload.Length + NetlinkConstants.HeaderLength;
            _ = message.Type + message.Flags + message.Sequence + message.PortId + message.ErrorCode;
            _ = message.TryReadHeader(out IfInfoMsg _);
        }
        FuzzAssertionException.Check(payloadBytes <= datagram.Length, $"{count} messages claim {payloadBytes} bytes of a {datagram.Length}-byte datagram");
        FuzzAssertionException.Check(!messages.Malformed || count < datagram.Length / NetlinkConstants.HeaderLength + 1, "malformed after too many messages");
    }

    /// <summary>Walks the attributes of every message after each plausible fixed header, nested up to four levels, with every typed getter.</summary>
    public static void WalkAttributes(ReadOnlySpan<byte> datagram)
    {
        foreach (var message in new NetlinkMessageEnumerator(datagram))
            foreach (var fixedLength in s_fixedHeaderLengths)
                Walk(message.Attributes(fixedLength), message.Payload.Length, depth: 0);
    }

    /// <summary>Decodes every message as an NLMSG_ERROR (with the flags it carries) and renders the result.</summary>
    public static void ParseErrors(ReadOnlySpan<byte> datagram)
    {
        foreach (var message in new NetlinkMessageEnumerator(datagram))
        {
            var error = NetlinkError.Parse(message);
            _ = error.ToString();
            _ = error.Status;
            FuzzAssertionException.Check(error.AttributeOffset >= -1, $"attribute offset {error.AttributeOffset}");
            FuzzAssertionException.Check(message.Payload.Length >= 20 || error.Errno == Linux.Errno.EBADMSG,
                $"a {message.Payload.Length}-byte error payload decoded as errno {error.Errno}");
        }
    }

    /// <summary>Hands every message to <paramref name="decode"/> as it is, then relabelled as <paramref name="type"/>.</summary>
    public static void EachMessage(ReadOnlySpan<byte> datagram, ushort type, MessageDecoder decode)
    {
        foreach (var message in new NetlinkMessageEnumerator(datagram))
        {
            decode(message);
            if (message.Type != type) decode(new NetlinkMessage(type, message.Flags, message.Sequence, message.PortId, message.Payload));
        }
    }

    private static void Walk(NetlinkAttributeEnumerator attributes, int containerLength, int depth)
    {
        var seen = 0;
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            seen += NetlinkConstants.AttributeHeaderLength + attribute.Value.Length;
            FuzzAssertionException.Check(seen <= containerLength, $"attributes claim {seen} bytes of a {containerLength}-byte container");
            _ = attribute.Type + attribute.RawType;
            _ = attribute.TryGetU8(out _) & attribute.TryGetU16(out _) & attribute.TryGetU32(out _) & attribute.TryGetU64(out _);
            _ = attribute.GetString();
            _ = attribute.StringEquals("lo"u8);
            if (depth < 4) Walk(attribute.Nested, attribute.Value.Length, depth + 1);
        }
    }
}
