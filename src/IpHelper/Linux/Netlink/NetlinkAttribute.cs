using System.Buffers.Binary;
using System.Text;

namespace IpHelper.Linux.Netlink;

/// <summary>One netlink attribute (struct nlattr / rtattr): its type without the flag bits, and its value.</summary>
internal readonly ref struct NetlinkAttribute
{
    public NetlinkAttribute(ushort rawType, ReadOnlySpan<byte> value)
    {
        RawType = rawType;
        Value = value;
    }

    public ushort RawType { get; }
    public ushort Type => (ushort)(RawType & NetlinkConstants.NLA_TYPE_MASK);
    public ReadOnlySpan<byte> Value { get; }

    public NetlinkAttributeEnumerator Nested => new(Value);

    public bool TryGetU8(out byte value)
    {
        value = Value.Length >= 1 ? Value[0] : (byte)0;
        return Value.Length >= 1;
    }

    public bool TryGetU16(out ushort value)
    {
        var ok = Value.Length >= 2;
        value = ok ? BinaryPrimitives.ReadUInt16LittleEndian(Value) : (ushort)0;
        return ok;
    }

    public bool TryGetU32(out uint value)
    {
        var ok = Value.Length >= 4;
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(Value) : 0;
        return ok;
    }

    public bool TryGetU64(out ulong value)
    {
        var ok = Value.Length >= 8;
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(Value) : 0;
        return ok;
    }

    /// <summary>The value up to its first NUL (or its whole length when it has none), as UTF-8.</summary>
    public string GetString()
    {
        var end = Value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? Value : Value[..end]);
    }

    /// <summary>True when the NUL-terminated string value equals <paramref name="ascii"/>, without allocating.</summary>
    public bool StringEquals(ReadOnlySpan<byte> ascii)
    {
        var end = Value.IndexOf((byte)0);
        return (end < 0 ? Value : Value[..end]).SequenceEqual(ascii);
    }
}
