using System.Buffers.Binary;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// The outcome of a netlink request: 0 or a positive errno, with the kernel's extended-ack message
/// and the offset of the offending attribute inside our request when the kernel names one.
/// </summary>
internal readonly record struct NetlinkError(int Errno, string? Message = null, int AttributeOffset = -1)
{
    public static readonly NetlinkError None = new(0);

    public bool Failed => Errno != 0;

    /// <summary>
    /// Decodes an NLMSG_ERROR payload: struct nlmsgerr (int error + the original header, and with
    /// NETLINK_CAP_ACK only that header), then, when NLM_F_ACK_TLVS is set, the extended-ack attributes.
    /// </summary>
    public static NetlinkError Parse(in NetlinkMessage message)
    {
        var payload = message.Payload;
        if (payload.Length < 4 + NetlinkConstants.HeaderLength) return new NetlinkError(Linux.Errno.EBADMSG, "truncated netlink error message");
        var errno = -BinaryPrimitives.ReadInt32LittleEndian(payload);
        if ((message.Flags & NetlinkConstants.NLM_F_ACK_TLVS) == 0) return new NetlinkError(errno);

        // Without NLM_F_CAPPED the kernel echoed our whole request after the error code.
        var echoed = (message.Flags & NetlinkConstants.NLM_F_CAPPED) != 0
            ? NetlinkConstants.HeaderLength
            : (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]), (uint)(payload.Length - 4));
        var tlvStart = 4 + NetlinkConstants.Align(echoed);
        if (tlvStart > payload.Length) return new NetlinkError(errno);

        string? text = null;
        var offset = -1;
        foreach (var attribute in new NetlinkAttributeEnumerator(payload[tlvStart..]))
        {
            if (attribute.Type == NetlinkConstants.NLMSGERR_ATTR_MSG) text = attribute.GetString();
            else if (attribute.Type == NetlinkConstants.NLMSGERR_ATTR_OFFS && attribute.TryGetU32(out var o) && o <= int.MaxValue) offset = (int)o;
        }
        return new NetlinkError(errno, string.IsNullOrEmpty(text) ? null : text, offset);
    }

    public override string ToString() =>
        Errno == 0 ? "ok" : Message is null ? Linux.Errno.Name(Errno) : $"{Linux.Errno.Name(Errno)}: {Message}";
}
