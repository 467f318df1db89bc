using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using IpHelper.Linux.Netlink;
using Xunit;

namespace IpHelper.Tests.Unit.Netlink;

/// <summary>NetlinkMessageWriter: layout, alignment, padding, nesting, lengths, offsets and buffer reuse.</summary>
public sealed class WriterTests
{
    [Fact]
    public void Message_HasItsLengthTypeAndRequestFlag_AndZeroSequenceAndPort()
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(18, NetlinkConstants.NLM_F_DUMP);
        writer.PutU32(29, 8);
        writer.EndMessage();
        var bytes = writer.Written;
        Assert.Equal(24, bytes.Length);
        Assert.Equal(24u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        Assert.Equal(18, BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]));
        Assert.Equal(NetlinkConstants.NLM_F_DUMP | NetlinkConstants.NLM_F_REQUEST, BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]));
        Assert.Equal(1, writer.MessageCount);
        Assert.Equal(0, writer.MessageOffset(0));
    }

    [Fact]
    public void Attributes_AreFourByteAligned_AndPaddedWithZeros_EvenInADirtyReusedBuffer()
    {
        using var writer = new NetlinkMessageWriter(64);
        // Dirty the buffer first: padding must be written as zeros, not left over.
        writer.BeginMessage(0xFFFF, 0xFFFF);
        writer.Put(0xFFFF, Enumerable.Repeat((byte)0xEE, 200).ToArray());
        writer.EndMessage();
        writer.Clear();

        writer.BeginMessage(24, 0);
        for (var length = 0; length <= 9; length++)
            writer.Put((ushort)(100 + length), Enumerable.Range(1, length).Select(i => (byte)i).ToArray());
        writer.EndMessage();

        var bytes = writer.Written;
        var at = NetlinkConstants.HeaderLength;
        for (var length = 0; length <= 9; length++)
        {
            Assert.Equal(0, at % 4);
            Assert.Equal(4 + length, BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]));
            Assert.Equal(100 + length, BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 2)..]));
            Assert.Equal(Enumerable.Range(1, length).Select(i => (byte)i).ToArray(), bytes.Slice(at + 4, length).ToArray());
            var padded = NetlinkConstants.Align(4 + length);
            Assert.All(bytes.Slice(at + 4 + length, padded - 4 - length).ToArray(), b => Assert.Equal(0, b));
            at += padded;
        }
        Assert.Equal(at, bytes.Length);
        Assert.Equal((uint)at, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
    }

    [Fact]
    public void IntegerAttributes_AreLittleEndianOfTheirOwnSize()
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(24, 0);
        writer.PutU8(1, 0xA1);
        writer.PutU16(2, 0xB2B1);
        writer.PutU32(3, 0xC4C3C2C1);
        writer.PutU64(4, 0xD8D7D6D5D4D3D2D1);
        writer.EndMessage();
        var attributes = Attributes(writer.Written, 0);
        Assert.Equal([(1, "A1"), (2, "B1B2"), (3, "C1C2C3C4"), (4, "D1D2D3D4D5D6D7D8")], attributes);
        Assert.Equal(16 + 8 + 8 + 8 + 12, writer.Written.Length);
    }

    [Fact]
    public void Strings_AreNulTerminatedUtf8()
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(16, 0);
        writer.PutString(3, "veth0");
        writer.PutString(20, "");
        writer.PutString(20, "é€");
        var longText = new string('x', 300); // past the 256-byte stack buffer
        writer.PutString(20, longText);
        writer.EndMessage();

        var messages = new NetlinkMessageEnumerator(writer.Written);
        Assert.True(messages.MoveNext());
        var walk = messages.Current.Attributes(0);
        Assert.True(walk.MoveNext());
        Assert.Equal("veth0\0"u8.ToArray(), walk.Current.Value.ToArray());
        Assert.Equal(4 + 6, BinaryPrimitives.ReadUInt16LittleEndian(writer.Written[16..]));
        Assert.True(walk.Current.StringEquals("veth0"u8));
        Assert.True(walk.MoveNext());
        Assert.Equal([0], walk.Current.Value.ToArray());
        Assert.Equal("", walk.Current.GetString());
        Assert.True(walk.MoveNext());
        Assert.Equal([.. Encoding.UTF8.GetBytes("é€"), 0], walk.Current.Value.ToArray());
        Assert.Equal("é€", walk.Current.GetString());
        Assert.True(walk.MoveNext());
        Assert.Equal(301, walk.Current.Value.Length);
        Assert.Equal(0, walk.Current.Value[^1]);
        Assert.Equal(longText, walk.Current.GetString());
        Assert.False(walk.MoveNext());
        Assert.False(walk.Malformed);
    }

    [Fact]
    public void NestedAttributes_HaveTheNestedFlag_AndCoverTheirChildren()
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(16, 0);
        writer.Header<Fixed12>().A = 0x01020304;
        var outer = writer.BeginNested(18);          // IFLA_LINKINFO
        writer.PutString(1, "vxlan");                // 4 + 6 -> 12 with padding
        var inner = writer.BeginNested(2);           // IFLA_INFO_DATA
        writer.PutU32(1, 42);                        // 8
        writer.Put(5, [1, 2, 3]);                    // 7 -> 8
        writer.EndNested(inner);
        writer.EndNested(outer);
        var empty = writer.BeginNested(26);
        writer.EndNested(empty);
        writer.PutU8(99, 7);
        writer.EndMessage();

        var bytes = writer.Written;
        var outerAt = NetlinkConstants.HeaderLength + 12;
        Assert.Equal(4 + 12 + 4 + 8 + 8, BinaryPrimitives.ReadUInt16LittleEndian(bytes[outerAt..]));
        Assert.Equal(18 | NetlinkConstants.NLA_F_NESTED, BinaryPrimitives.ReadUInt16LittleEndian(bytes[(outerAt + 2)..]));
        var innerAt = outerAt + 4 + 12;
        Assert.Equal(4 + 8 + 8, BinaryPrimitives.ReadUInt16LittleEndian(bytes[innerAt..]));
        Assert.Equal(2 | NetlinkConstants.NLA_F_NESTED, BinaryPrimitives.ReadUInt16LittleEndian(bytes[(innerAt + 2)..]));

        var messages = new NetlinkMessageEnumerator(bytes);
        Assert.True(messages.MoveNext());
        Assert.True(messages.Current.TryReadHeader(out Fixed12 header));
        Assert.Equal(0x01020304u, header.A);
        var top = messages.Current.Attributes(12);
        Assert.True(top.MoveNext());
        Assert.Equal(18, top.Current.Type);                      // the flag is masked off
        Assert.Equal(18 | NetlinkConstants.NLA_F_NESTED, top.Current.RawType);
        var info = top.Current.Nested;
        Assert.True(info.MoveNext());
        Assert.Equal("vxlan", info.Current.GetString());
        Assert.True(info.MoveNext());
        Assert.Equal(2, info.Current.Type);
        var data = info.Current.Nested;
        Assert.True(data.MoveNext());
        Assert.True(data.Current.TryGetU32(out var id));
        Assert.Equal(42u, id);
        Assert.True(data.MoveNext());
        Assert.Equal([1, 2, 3], data.Current.Value.ToArray());
        Assert.False(data.MoveNext());
        Assert.False(data.Malformed);
        Assert.False(info.MoveNext());
        Assert.False(info.Malformed);
        Assert.True(top.MoveNext());
        Assert.Equal(26, top.Current.Type);
        Assert.Equal(0, top.Current.Value.Length);               // an empty nest is just its header
        Assert.True(top.MoveNext());
        Assert.Equal(99, top.Current.Type);
        Assert.False(top.MoveNext());
        Assert.False(top.Malformed);
        Assert.Equal((uint)bytes.Length, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
    }

    [Fact]
    public void Header_IsZeroedAndPaddedToFourBytes()
    {
        using var writer = new NetlinkMessageWriter(32);
        writer.BeginMessage(0xFFFF, 0);
        writer.Put(1, Enumerable.Repeat((byte)0xCC, 40).ToArray());
        writer.EndMessage();
        writer.Clear();

        writer.BeginMessage(18, 0);
        ref var one = ref writer.Header<OneByte>();              // like struct rtgenmsg
        Assert.Equal(0, one.Family);
        one.Family = 10;
        writer.PutU32(1, 5);
        writer.EndMessage();
        var bytes = writer.Written;
        Assert.Equal(16 + 4 + 8, bytes.Length);
        Assert.Equal([10, 0, 0, 0], bytes.Slice(16, 4).ToArray());
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(bytes[20..]));
    }

    [Fact]
    public void MessageOffsets_AreRightForManyMessagesOfVaryingSize()
    {
        using var writer = new NetlinkMessageWriter(16);
        var expected = new List<int>();
        var random = new Random(7);
        var at = 0;
        for (var i = 0; i < 1000; i++)
        {
            expected.Add(at);
            writer.BeginMessage((ushort)(16 + i % 8), (ushort)(i % 3));
            if (i % 2 == 0) writer.Header<Fixed12>().A = (uint)i;
            var attributes = random.Next(0, 5);
            var length = NetlinkConstants.HeaderLength + (i % 2 == 0 ? 12 : 0);
            for (var a = 0; a < attributes; a++)
            {
                var size = random.Next(0, 70);
                writer.Put((ushort)(a + 1), Enumerable.Repeat((byte)i, size).ToArray());
                length += NetlinkConstants.Align(4 + size);
            }
            writer.EndMessage();
            at += length;
            Assert.Equal(i + 1, writer.MessageCount);
        }
        Assert.Equal(at, writer.Written.Length);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], writer.MessageOffset(i));

        // The messages read back as written, with the lengths the writer patched in.
        var index = 0;
        var messages = new NetlinkMessageEnumerator(writer.Written);
        while (messages.MoveNext())
        {
            var message = messages.Current;
            Assert.Equal((ushort)(16 + index % 8), message.Type);
            Assert.Equal((ushort)(index % 3 | NetlinkConstants.NLM_F_REQUEST), message.Flags);
            var end = index + 1 < expected.Count ? expected[index + 1] : at;
            Assert.Equal(end - expected[index] - NetlinkConstants.HeaderLength, message.Payload.Length);
            foreach (var attribute in message.Attributes(index % 2 == 0 ? 12 : 0))
                Assert.All(attribute.Value.ToArray(), b => Assert.Equal((byte)index, b));
            index++;
        }
        Assert.False(messages.Malformed);
        Assert.Equal(1000, index);
    }

    [Fact]
    public void Clear_ForgetsMessages_AndWritesTheSameBytesAgain()
    {
        using var writer = new NetlinkMessageWriter();
        Write(writer);
        var first = writer.Written.ToArray();
        Assert.Equal(2, writer.MessageCount);
        writer.Clear();
        Assert.Equal(0, writer.MessageCount);
        Assert.Equal(0, writer.Written.Length);
        Write(writer);
        Assert.Equal(first, writer.Written.ToArray());
        Assert.Equal(2, writer.MessageCount);
        Assert.Equal(first.Length - 24, writer.MessageOffset(1));

        using var fresh = new NetlinkMessageWriter();
        Write(fresh);
        Assert.Equal(first, fresh.Written.ToArray());

        static void Write(NetlinkMessageWriter w)
        {
            w.BeginMessage(20, NetlinkConstants.NLM_F_ACK);
            w.Header<Fixed12>().A = 1;
            w.PutString(3, "lo");
            w.EndMessage();
            w.BeginMessage(21, 0);
            w.PutU32(1, 2);
            w.EndMessage();
        }
    }

    [Fact]
    public void Clear_ReusesTheBuffer()
    {
        using var writer = new NetlinkMessageWriter(4096);
        writer.BeginMessage(16, 0);
        writer.Put(1, new byte[1000]);
        writer.EndMessage();
        var before = Base(writer.Written);
        for (var round = 0; round < 50; round++)
        {
            writer.Clear();
            writer.BeginMessage(16, 0);
            writer.Put(1, new byte[1000]);
            writer.EndMessage();
            Assert.True(before == Base(writer.Written), "Clear allocated a new buffer");
        }

        static unsafe nint Base(ReadOnlySpan<byte> span)
        {
            fixed (byte* p = span) return (nint)p;
        }
    }

    [Fact]
    public void Growth_PastTheInitialCapacity_KeepsEarlierBytes()
    {
        using var writer = new NetlinkMessageWriter(16);
        for (var i = 0; i < 300; i++)
        {
            writer.BeginMessage(16, 0);
            var open = writer.BeginNested(18);
            writer.Put(1, Enumerable.Range(0, i % 37).Select(b => (byte)(b ^ i)).ToArray());
            writer.EndNested(open);
            writer.EndMessage();
        }
        // Grows from 16 bytes to over 8 KiB; every message and attribute still reads back intact.
        Assert.True(writer.Written.Length > 8 * 1024);
        var index = 0;
        foreach (var message in new NetlinkMessageEnumerator(writer.Written))
        {
            var top = message.Attributes(0);
            Assert.True(top.MoveNext());
            var nested = top.Current.Nested;
            Assert.True(nested.MoveNext());
            var i = index;
            Assert.Equal(Enumerable.Range(0, i % 37).Select(b => (byte)(b ^ i)).ToArray(), nested.Current.Value.ToArray());
            Assert.False(nested.MoveNext());
            Assert.False(top.MoveNext());
            index++;
        }
        Assert.Equal(300, index);
    }

    [Fact]
    public void Growth_InsideAnOpenMessage_KeepsItsHeaderAndNest()
    {
        using var writer = new NetlinkMessageWriter(16);
        writer.BeginMessage(24, NetlinkConstants.NLM_F_CREATE);
        writer.Header<Fixed12>().A = 0xA5A5A5A5;
        var nest = writer.BeginNested(7);
        for (var i = 0; i < 500; i++) writer.PutU32((ushort)(i + 1), (uint)i);
        writer.EndNested(nest);
        writer.EndMessage();
        Assert.Equal(16 + 12 + 4 + 500 * 8, writer.Written.Length);
        var messages = new NetlinkMessageEnumerator(writer.Written);
        Assert.True(messages.MoveNext());
        Assert.Equal(NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_REQUEST, messages.Current.Flags);
        Assert.True(messages.Current.TryReadHeader(out Fixed12 header));
        Assert.Equal(0xA5A5A5A5u, header.A);
        var top = messages.Current.Attributes(12);
        Assert.True(top.MoveNext());
        Assert.Equal(4 + 500 * 8, top.Current.Value.Length + 4);
        var count = 0;
        foreach (var attribute in top.Current.Nested)
        {
            Assert.True(attribute.TryGetU32(out var value));
            Assert.Equal((uint)count++, value);
        }
        Assert.Equal(500, count);
    }

    [Fact]
    public void MisuseOfMessageBrackets_Throws()
    {
        using var writer = new NetlinkMessageWriter();
        Assert.Throws<InvalidOperationException>(writer.EndMessage);
        writer.BeginMessage(16, 0);
        Assert.Throws<InvalidOperationException>(() => writer.BeginMessage(16, 0));
        writer.EndMessage();
        Assert.Throws<InvalidOperationException>(writer.EndMessage);
        writer.BeginMessage(16, 0);
        writer.Clear();             // also abandons a message left open
        writer.BeginMessage(17, 0);
        writer.EndMessage();
        Assert.Equal(1, writer.MessageCount);
        Assert.Equal(16, writer.Written.Length);
    }

    [Fact]
    public void AttributeLongerThanNlaLenCanSay_IsRefused_NotWrittenWithAWrappedLength()
    {
        // nla_len is a u16: 65535 bytes including the 4-byte header is the most an attribute can hold.
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(16, 0);
        writer.Put(1, new byte[65535 - 4]);
        Assert.Equal(65535, BinaryPrimitives.ReadUInt16LittleEndian(writer.Written[16..]));
        Assert.ThrowsAny<ArgumentException>(() => writer.Put(2, new byte[65535 - 3]));
        Assert.ThrowsAny<ArgumentException>(() => writer.PutString(3, new string('x', 65535 - 4)));
        writer.EndMessage();
        Assert.Single(Attributes(writer.Written, 0));
    }

    [Fact]
    public void NestLongerThanNlaLenCanSay_IsRefused_NotWrittenWithAWrappedLength()
    {
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(16, 0);
        var nest = writer.BeginNested(1);
        for (var i = 0; i < 17; i++) writer.Put(2, new byte[4000]); // 17 * 4004 + 4 > 65535
        Assert.Throws<InvalidOperationException>(() => writer.EndNested(nest));
    }

    private static List<(int Type, string Hex)> Attributes(ReadOnlySpan<byte> message, int fixedLength)
    {
        var list = new List<(int, string)>();
        var messages = new NetlinkMessageEnumerator(message);
        Assert.True(messages.MoveNext());
        foreach (var attribute in messages.Current.Attributes(fixedLength))
            list.Add((attribute.Type, Convert.ToHexString(attribute.Value)));
        return list;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Fixed12
    {
        public uint A, B, C;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct OneByte
    {
        public byte Family;
    }
}
