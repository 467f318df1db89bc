using System.Buffers.Binary;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// Walks the netlink messages of one received datagram, checking every length before it reads.
/// A header that claims more bytes than remain, or fewer than a header, ends the walk with
/// <see cref="Malformed"/> set; nothing past the datagram is ever read.
/// </summary>
internal ref struct NetlinkMessageEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private NetlinkMessage _current;

    public NetlinkMessageEnumerator(ReadOnlySpan<byte> datagram)
    {
        _remaining = datagram;
        _current = default;
        Malformed = false;
    }

    /// <summary>True when the walk stopped at bytes that are not a valid message.</summary>
    public bool Malformed { get; private set; }

    public readonly NetlinkMessage Current => _current;

    public readonly NetlinkMessageEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_remaining.IsEmpty) return false;
        if (_remaining.Length < NetlinkConstants.HeaderLength)
        {
            Malformed = true;
            return false;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(_remaining);
        if (length < NetlinkConstants.HeaderLength || length > (uint)_remaining.Length)
        {
            Malformed = true;
            return false;
        }
        var type = BinaryPrimitives.ReadUInt16LittleEndian(_remaining[4..]);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(_remaining[6..]);
        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(_remaining[8..]);
        var portId = BinaryPrimitives.ReadUInt32LittleEndian(_remaining[12..]);
        _current = new NetlinkMessage(type, flags, sequence, portId, _remaining[NetlinkConstants.HeaderLength..(int)length]);
        var advance = NetlinkConstants.Align((int)length);
        _remaining = advance >= _remaining.Length ? default : _remaining[advance..];
        return true;
    }
}
