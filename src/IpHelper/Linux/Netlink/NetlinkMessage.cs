using System.Buffers.Binary;

namespace IpHelper.Linux.Netlink;

/// <summary>One netlink message inside a received buffer: the header fields and a view of the payload.</summary>
internal readonly ref struct NetlinkMessage
{
    public NetlinkMessage(ushort type, ushort flags, uint sequence, uint portId, ReadOnlySpan<byte> payload)
    {
        Type = type;
        Flags = flags;
        Sequence = sequence;
        PortId = portId;
        Payload = payload;
    }

    public ushort Type { get; }
    public ushort Flags { get; }
    public uint Sequence { get; }
    public uint PortId { get; }
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>
    /// The attributes that follow a fixed header of <paramref name="fixedHeaderLength"/> bytes (padded to 4,
    /// as the kernel does: NLMSG_ALIGN); none when the payload is shorter than the padded header.
    /// </summary>
    public NetlinkAttributeEnumerator Attributes(int fixedHeaderLength)
    {
        // Compare with the aligned length: a 1-byte rtgenmsg in a 2-byte payload must not slice at 4.
        var start = NetlinkConstants.Align(fixedHeaderLength);
        return new(Payload.Length >= start ? Payload[start..] : default);
    }

    /// <summary>Reads a fixed kernel header struct at the start of the payload; false when the payload is too short.</summary>
    public bool TryReadHeader<T>(out T header) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.TryRead(Payload, out header);

    /// <summary>The errno of an NLMSG_ERROR or NLMSG_DONE payload (a negative int in the kernel, returned positive).</summary>
    public int ErrorCode => Payload.Length >= 4 ? -BinaryPrimitives.ReadInt32LittleEndian(Payload) : Errno.EBADMSG;
}
