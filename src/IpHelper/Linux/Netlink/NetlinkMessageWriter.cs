using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// Builds one or more netlink request messages into a pooled buffer: a header, a fixed kernel
/// struct, then attributes (nested ones too). Sequence numbers are left 0 here and stamped by
/// <see cref="NetlinkSocket"/> when it sends.
/// </summary>
internal sealed class NetlinkMessageWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;
    private int _messageStart = -1;
    private int[] _offsets = new int[16];

    public NetlinkMessageWriter(int initialCapacity = 512) => _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>The finished messages, back to back.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    internal Span<byte> WrittenMutable => _buffer.AsSpan(0, _length);

    /// <summary>How many complete messages have been written.</summary>
    public int MessageCount { get; private set; }

    /// <summary>The byte offset of message <paramref name="index"/> in <see cref="Written"/>.</summary>
    public int MessageOffset(int index) => _offsets[index];

    /// <summary>Forgets everything written; the buffer is kept for reuse.</summary>
    public void Clear()
    {
        _length = 0;
        _messageStart = -1;
        MessageCount = 0;
    }

    /// <summary>Starts a message with NLM_F_REQUEST added to <paramref name="flags"/>.</summary>
    public void BeginMessage(ushort type, ushort flags)
    {
        if (_messageStart >= 0) throw new InvalidOperationException("a message is already open");
        _messageStart = _length;
        var header = Grow(NetlinkConstants.HeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)(flags | NetlinkConstants.NLM_F_REQUEST));
    }

    /// <summary>Appends a zeroed fixed header (ifinfomsg, rtmsg, ...) and returns it for filling.</summary>
    public ref T Header<T>() where T : unmanaged
    {
        var span = Grow(NetlinkConstants.Align(System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));
        return ref MemoryMarshal.AsRef<T>(span);
    }

    public void Put(ushort type, ReadOnlySpan<byte> value)
    {
        // nla_len is a u16: a longer value would be written with a wrapped, lying length.
        if (value.Length > ushort.MaxValue - NetlinkConstants.AttributeHeaderLength)
            throw new ArgumentException($"a netlink attribute holds at most {ushort.MaxValue - NetlinkConstants.AttributeHeaderLength} bytes", nameof(value));
        var span = Grow(NetlinkConstants.Align(NetlinkConstants.AttributeHeaderLength + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(NetlinkConstants.AttributeHeaderLength + value.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], type);
        value.CopyTo(span[NetlinkConstants.AttributeHeaderLength..]);
    }

    public void PutU8(ushort type, byte value) => Put(type, [value]);

    public void PutU16(ushort type, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        Put(type, bytes);
    }

    public void PutU32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        Put(type, bytes);
    }

    public void PutU64(ushort type, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        Put(type, bytes);
    }

    /// <summary>A NUL-terminated UTF-8 string attribute.</summary>
    public void PutString(ushort type, string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Span<byte> bytes = count < 256 ? stackalloc byte[count + 1] : new byte[count + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        bytes[count] = 0;
        Put(type, bytes);
    }

    /// <summary>Opens a nested attribute; close it with <see cref="EndNested"/> and the returned token.</summary>
    public int BeginNested(ushort type)
    {
        var start = _length;
        var span = Grow(NetlinkConstants.AttributeHeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)(type | NetlinkConstants.NLA_F_NESTED));
        return start;
    }

    public void EndNested(int token)
    {
        if (_length - token > ushort.MaxValue)
            throw new InvalidOperationException($"a nested netlink attribute holds at most {ushort.MaxValue} bytes");
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(token), (ushort)(_length - token));
    }

    /// <summary>Closes the open message: writes its length and records its offset.</summary>
    public void EndMessage()
    {
        if (_messageStart < 0) throw new InvalidOperationException("no message is open");
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_messageStart), (uint)(_length - _messageStart));
        if (MessageCount == _offsets.Length) Array.Resize(ref _offsets, _offsets.Length * 2);
        _offsets[MessageCount++] = _messageStart;
        _messageStart = -1;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var span = _buffer.AsSpan(_length, count);
        span.Clear();
        _length += count;
        return span;
    }
}
