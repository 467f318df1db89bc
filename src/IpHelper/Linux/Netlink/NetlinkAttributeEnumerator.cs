using System.Buffers.Binary;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// Walks a run of netlink attributes with a bounds check before every read. An attribute whose
/// length is shorter than its header or runs past the end stops the walk and sets <see cref="Malformed"/>.
/// </summary>
internal ref struct NetlinkAttributeEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private NetlinkAttribute _current;

    public NetlinkAttributeEnumerator(ReadOnlySpan<byte> attributes)
    {
        _remaining = attributes;
        _current = default;
        Malformed = false;
    }

    public bool Malformed { get; private set; }

    public readonly NetlinkAttribute Current => _current;

    public readonly NetlinkAttributeEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_remaining.IsEmpty) return false;
        if (_remaining.Length < NetlinkConstants.AttributeHeaderLength)
        {
            // Fewer than four bytes cannot start an attribute; the kernel only pads to four.
            Malformed = true;
            return false;
        }
        var length = BinaryPrimitives.ReadUInt16LittleEndian(_remaining);
        if (length < NetlinkConstants.AttributeHeaderLength || length > _remaining.Length)
        {
            Malformed = true;
            return false;
        }
        var type = BinaryPrimitives.ReadUInt16LittleEndian(_remaining[2..]);
        _current = new NetlinkAttribute(type, _remaining[NetlinkConstants.AttributeHeaderLength..length]);
        var advance = NetlinkConstants.Align(length);
        _remaining = advance >= _remaining.Length ? default : _remaining[advance..];
        return true;
    }
}
