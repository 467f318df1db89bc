using System.Buffers.Binary;
using System.Text;
using IpHelper.Linux.Netlink;

namespace IpHelper.Tests.Reliability.Fuzzing;

/// <summary>
/// Deterministic mutations for one target (the same seed gives the same inputs): bit flips, byte
/// sets, lying length fields, truncation, splicing two inputs, duplicating and shrinking attributes
/// (with the enclosing lengths kept true), changing message and attribute types; for text, inserting
/// separators, digits and look-alike characters. Each input gets one to four of them stacked.
/// </summary>
internal sealed class Mutator(Random random, FuzzInputKind kind, IReadOnlyList<byte[]> seeds)
{
    private static readonly byte[] s_interestingBytes = [0, 1, 2, 3, 4, 7, 8, 15, 16, 0x20, 0x3F, 0x40, 0x7F, 0x80, 0xFE, 0xFF];

    private static readonly byte[][] s_textTokens =
    [
        .. new[]
        {
            "%", ":", "::", ".", "/", "_", "-", "+", " ", "\n", "\0", "0", "1", "9", "00", "32", "33", "128", "129", "255", "256",
            "65535", "65536", "16777215", "16777216", "4294967295", "4294967296", "18446744073709551616", "ffff", "FFFF", "0x",
            "1e3", "ethernet", "loopback", "iftype", "::ffff:", "fe80::", "%25", "\u0663", "\uFF10", "\u00A0", "\uFFFD", "\uD83D\uDE00",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>The names of the mutations, in the order <see cref="Counts"/> counts them.</summary>
    public static readonly string[] Names =
        ["bit flip", "byte set", "length lie", "truncate", "splice", "duplicate attribute", "shrink attribute", "retype", "insert/delete", "text token"];

    /// <summary>How often each mutation in <see cref="Names"/> was applied (a mutation that does not fit the input applies another instead).</summary>
    public long[] Counts { get; } = new long[Names.Length];

    /// <summary>A mutant of <paramref name="input"/> (which is not changed).</summary>
    public byte[] Mutate(byte[] input)
    {
        var data = input;
        for (var n = 1 + random.Next(4) / 2 + random.Next(2); n > 0; n--)
        {
            var choice = kind == FuzzInputKind.Text ? TextChoice() : random.Next(9);
            data = choice switch
            {
                0 => BitFlip(data),
                1 => ByteSet(data),
                2 => LengthLie(data),
                3 => Truncate(data),
                4 => Splice(data),
                5 => DuplicateAttribute(data),
                6 => ShrinkAttribute(data),
                7 => Retype(data),
                8 => InsertOrDelete(data),
                _ => TextToken(data),
            };
        }
        return data;
    }

    private int TextChoice() => random.Next(6) switch
    {
        0 => 0,
        1 => 3,
        2 => 4,
        3 => 8,
        _ => 9,
    };

    private byte[] BitFlip(byte[] data)
    {
        if (data.Length == 0) return Applied(0, [(byte)random.Next(256)]);
        var copy = (byte[])data.Clone();
        for (var n = random.Next(1, 9); n > 0; n--) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return Applied(0, copy);
    }

    private byte[] ByteSet(byte[] data)
    {
        if (data.Length == 0) return Applied(1, [Pick(s_interestingBytes)]);
        var copy = (byte[])data.Clone();
        for (var n = random.Next(1, 5); n > 0; n--)
            copy[random.Next(copy.Length)] = random.Next(2) == 0 ? Pick(s_interestingBytes) : (byte)random.Next(256);
        return Applied(1, copy);
    }

    /// <summary>Writes a lie into one nlmsg_len or nla_len: too short, one past the container, huge, or random.</summary>
    private byte[] LengthLie(byte[] data)
    {
        var layout = NetlinkLayout.Of(data);
        var useMessage = layout.Attributes.Count == 0 || (layout.Messages.Count > 0 && random.Next(4) == 0);
        if (useMessage && layout.Messages.Count == 0) return ByteSet(data);
        var field = useMessage ? Pick(layout.Messages) : Pick(layout.Attributes);
        var room = field.ContainerEnd - field.Offset;
        long[] lies = [0, 1, 3, field.Width == 4 ? 15 : 4, field.Length - 1, field.Length + 1, field.Length + 4, room, room + 1, room + 4,
            field.Width == 4 ? uint.MaxValue : ushort.MaxValue, field.Width == 4 ? int.MaxValue : 0x8000, random.Next(0, room + 64)];
        var lie = lies[random.Next(lies.Length)];
        var copy = (byte[])data.Clone();
        if (field.Width == 4) BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(field.Offset), (uint)Math.Clamp(lie, 0, uint.MaxValue));
        else BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(field.Offset), (ushort)Math.Clamp(lie, 0, ushort.MaxValue));
        return Applied(2, copy);
    }

    /// <summary>Cuts the input, half the time right at or next to a header boundary.</summary>
    private byte[] Truncate(byte[] data)
    {
        if (data.Length == 0) return Applied(3, data);
        var cut = random.Next(data.Length);
        if (kind == FuzzInputKind.Netlink && random.Next(2) == 0)
        {
            var layout = NetlinkLayout.Of(data);
            var fields = layout.Messages.Concat(layout.Attributes).ToList();
            if (fields.Count > 0)
            {
                var field = Pick(fields);
                cut = Math.Clamp(field.Offset + random.Next(-2, field.Length + 3), 0, data.Length);
            }
        }
        return Applied(3, data[..cut]);
    }

    /// <summary>The start of this input followed by the end of another seed, cut at message boundaries or anywhere.</summary>
    private byte[] Splice(byte[] data)
    {
        var other = Pick(seeds);
        int head, tail;
        var mine = NetlinkLayout.Of(data).Messages;
        var theirs = NetlinkLayout.Of(other).Messages;
        if (kind == FuzzInputKind.Netlink && mine.Count > 0 && theirs.Count > 0 && random.Next(2) == 0)
        {
            head = Math.Min(Pick(mine).Offset, data.Length);
            tail = Pick(theirs).Offset;
        }
        else
        {
            head = random.Next(data.Length + 1);
            tail = random.Next(other.Length + 1);
        }
        return Applied(4, [.. data.AsSpan(0, head), .. other.AsSpan(tail)]);
    }

    /// <summary>Repeats one attribute right after itself and grows every enclosing length to match: a well-formed duplicate.</summary>
    private byte[] DuplicateAttribute(byte[] data)
    {
        var layout = NetlinkLayout.Of(data);
        if (layout.Attributes.Count == 0) return InsertOrDelete(data);
        var attribute = Pick(layout.Attributes);
        var size = NetlinkConstants.Align(attribute.Length);
        var end = attribute.Offset + size;
        if (end > attribute.ContainerEnd || !CanGrow(data, attribute.Parents, size)) return LengthLie(data);
        byte[] copy = [.. data.AsSpan(0, end), .. data.AsSpan(attribute.Offset, size), .. data.AsSpan(end)];
        Resize(copy, attribute.Parents, size);
        return Applied(5, copy);
    }

    /// <summary>Removes value bytes from one attribute (its length and every enclosing one shrink with it): a well-formed short value.</summary>
    private byte[] ShrinkAttribute(byte[] data)
    {
        var layout = NetlinkLayout.Of(data);
        var candidates = layout.Attributes.Where(a => a.Length > NetlinkConstants.AttributeHeaderLength).ToList();
        if (candidates.Count == 0) return Truncate(data);
        var attribute = Pick(candidates);
        var valueLength = attribute.Length - NetlinkConstants.AttributeHeaderLength;
        var newValueLength = random.Next(valueLength);
        var oldSize = NetlinkConstants.Align(attribute.Length);
        var newSize = NetlinkConstants.Align(NetlinkConstants.AttributeHeaderLength + newValueLength);
        if (attribute.Offset + oldSize > attribute.ContainerEnd) return Truncate(data);
        var keep = attribute.Offset + NetlinkConstants.AttributeHeaderLength + newValueLength;
        byte[] copy = [.. data.AsSpan(0, keep), .. new byte[newSize - NetlinkConstants.AttributeHeaderLength - newValueLength], .. data.AsSpan(attribute.Offset + oldSize)];
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(attribute.Offset), (ushort)(NetlinkConstants.AttributeHeaderLength + newValueLength));
        Resize(copy, attribute.Parents, newSize - oldSize);
        return Applied(6, copy);
    }

    /// <summary>Gives one message or attribute another type: a neighbour, an unknown one, or the nested flag toggled.</summary>
    private byte[] Retype(byte[] data)
    {
        var layout = NetlinkLayout.Of(data);
        var copy = (byte[])data.Clone();
        if (layout.Attributes.Count > 0 && random.Next(3) != 0)
        {
            var at = Pick(layout.Attributes).Offset + 2;
            var type = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(at));
            ushort[] types = [(ushort)(type + 1), (ushort)(type - 1), (ushort)(type ^ NetlinkConstants.NLA_F_NESTED), (ushort)random.Next(0, 80), 0x7FFF, 0];
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(at), types[random.Next(types.Length)]);
        }
        else if (layout.Messages.Count > 0)
        {
            ushort[] types = [NetlinkConstants.NLMSG_NOOP, NetlinkConstants.NLMSG_ERROR, NetlinkConstants.NLMSG_DONE, NetlinkConstants.NLMSG_OVERRUN,
                16, 17, 20, 21, 24, 25, 28, 29, 80, (ushort)random.Next(0, 130), 0xFFFF];
            var message = Pick(layout.Messages);
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(message.Offset + 4), types[random.Next(types.Length)]);
            if (random.Next(2) == 0)
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(message.Offset + 6), (ushort)(1 << random.Next(16)));
        }
        else return BitFlip(data);
        return Applied(7, copy);
    }

    private byte[] InsertOrDelete(byte[] data)
    {
        var at = random.Next(data.Length + 1);
        if (data.Length > 0 && random.Next(2) == 0)
        {
            var count = Math.Min(random.Next(1, 17), data.Length - Math.Min(at, data.Length - 1));
            at = Math.Min(at, data.Length - 1);
            return Applied(8, [.. data.AsSpan(0, at), .. data.AsSpan(at + count)]);
        }
        var inserted = new byte[random.Next(1, 17)];
        random.NextBytes(inserted);
        return Applied(8, [.. data.AsSpan(0, at), .. inserted, .. data.AsSpan(at)]);
    }

    /// <summary>Inserts or substitutes a token that text parsers treat specially.</summary>
    private byte[] TextToken(byte[] data)
    {
        var token = Pick(s_textTokens);
        var at = random.Next(data.Length + 1);
        var replace = random.Next(2) == 0 ? Math.Min(random.Next(0, 5), data.Length - at) : 0;
        return Applied(9, [.. data.AsSpan(0, at), .. token, .. data.AsSpan(at + replace)]);
    }

    private byte[] Applied(int mutation, byte[] result)
    {
        Counts[mutation]++;
        return result;
    }

    private static bool CanGrow(byte[] data, LengthField[] parents, int delta) =>
        parents.All(p => p.Width == 4 || BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(p.Offset)) + delta <= ushort.MaxValue);

    /// <summary>Adds <paramref name="delta"/> to every enclosing length; they all precede the change, so their offsets hold.</summary>
    private static void Resize(byte[] data, LengthField[] parents, int delta)
    {
        foreach (var parent in parents)
        {
            var span = data.AsSpan(parent.Offset);
            if (parent.Width == 4) BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)(BinaryPrimitives.ReadUInt32LittleEndian(span) + delta));
            else BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(span) + delta));
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
