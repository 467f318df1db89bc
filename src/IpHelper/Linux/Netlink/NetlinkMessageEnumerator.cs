using System.Buffers.Binary;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// Walks the netlink messages of one received datagram, checking every length before it reads.
/// A header that claims more bytes than remain, or fewer than a header, ends the walk with
/// <see cref="Malformed"/> set; nothing past the datagram is ever read.
/// </summary>
internal ref struct NetlinkMessageEnumerator
{
    // The current message is kept as its offset and length, and Current reads its header from the
    // datagram: a NetlinkMessage stored here and copied out by the caller is reloaded right after its
    // fields were written one by one, a store-forwarding stall that cost more than decoding a route.
    private readonly ReadOnlySpan<byte> _datagram;
    private int _next;
    private int _offset;
    private int _length;

    public NetlinkMessageEnumerator(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _next = 0;
        _offset = 0;
        _length = 0;
        Malformed = false;
    }

    /// <summary>True when the walk stopped at bytes that are not a valid message.</summary>
    public bool Malformed { get; private set; }

    public readonly NetlinkMessage Current
    {
        get
        {
            var message = _datagram.Slice(_offset, _length);
            return new NetlinkMessage(
                BinaryPrimitives.ReadUInt16LittleEndian(message[4..]),
                BinaryPrimitives.ReadUInt16LittleEndian(message[6..]),
                BinaryPrimitives.ReadUInt32LittleEndian(message[8..]),
                BinaryPrimitives.ReadUInt32LittleEndian(message[12..]),
                message[NetlinkConstants.HeaderLength..]);
        }
    }

    public readonly NetlinkMessageEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var left = _datagram.Length - _next;
        if (left <= 0) return false;
        if (left < NetlinkConstants.HeaderLength)
        {
            Malformed = true;
            return false;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(_datagram[_next..]);
        if (length < NetlinkConstants.HeaderLength || length > (uint)left)
        {
            Malformed = true;
            return false;
        }
        _offset = _next;
        _length = (int)length;
        var advance = NetlinkConstants.Align((int)length);
        _next = advance >= left ? _datagram.Length : _next + advance;
        return true;
    }
}
