using System.Runtime.InteropServices;
using CsCheck;
using IpHelper.Linux.Netlink;
using Xunit;

namespace IpHelper.Tests.Reliability.Properties;

/// <summary>Whatever NetlinkMessageWriter writes, the message and attribute enumerators read back exactly.</summary>
public sealed class NetlinkRoundTripProperties
{
    private const int Cases = 3000;

    private sealed record Attribute(ushort Type, byte[] Value, Attribute[]? Children);

    private sealed record Message(ushort Type, ushort Flags, int HeaderSize, byte[] Header, Attribute[] Attributes);

    /// <summary>No fixed header, an int (rtgenmsg-like), a long (ifaddrmsg-like) or 16 bytes (ifinfomsg-like).</summary>
    private static readonly int[] s_headerSizes = [0, 4, 8, 16];

    private static readonly Gen<ushort> s_attributeType = Gen.UShort[0, 0x3FFF]; // below NLA_F_NET_BYTEORDER and NLA_F_NESTED

    private static readonly Gen<Attribute> s_leaf = Gen.Select(s_attributeType, Gen.Byte.Array[0, 40], (type, value) => new Attribute(type, value, null));

    private static Gen<Attribute> Tree(int depth) => depth == 0
        ? s_leaf
        : Gen.Frequency((3, s_leaf), (1, Gen.Select(s_attributeType, Tree(depth - 1).Array[0, 4], (type, children) => new Attribute(type, [], children))));

    private static readonly Gen<Message> s_message =
        Gen.Select(Gen.UShort[16, 0xFFFF], Gen.UShort, Gen.Int[0, 3].Select(i => s_headerSizes[i]), Gen.Byte.Array[16], Tree(3).Array[0, 6],
            (type, flags, headerSize, header, attributes) => new Message(type, flags, headerSize, header[..headerSize], attributes));

    [Fact]
    public void WrittenMessages_WithNestedAttributes_ReadBackExactly()
    {
        var count = new PropertyCount("writer -> enumerators round trip");
        s_message.Array[1, 5].Sample(messages =>
        {
            count.Add();
            using var writer = new NetlinkMessageWriter(initialCapacity: 16);
            foreach (var m in messages) Write(writer, m);
            Assert.Equal(messages.Length, writer.MessageCount);

            var walk = new NetlinkMessageEnumerator(writer.Written);
            var index = 0;
            while (walk.MoveNext())
            {
                var expected = messages[index];
                var actual = walk.Current;
                Assert.Equal(expected.Type, actual.Type);
                Assert.Equal((ushort)(expected.Flags | NetlinkConstants.NLM_F_REQUEST), actual.Flags);
                Assert.Equal(0u, actual.Sequence);
                Assert.True(actual.Payload[..expected.HeaderSize].SequenceEqual(expected.Header));
                var attributes = actual.Attributes(expected.HeaderSize);
                AssertAttributes(expected.Attributes, ref attributes);
                index++;
            }
            Assert.False(walk.Malformed);
            Assert.Equal(messages.Length, index);
        }, iter: Cases);
        count.Report();
    }

    private static void Write(NetlinkMessageWriter writer, Message message)
    {
        writer.BeginMessage(message.Type, message.Flags);
        var header = message.HeaderSize switch
        {
            4 => MemoryMarshal.AsBytes(new Span<int>(ref writer.Header<int>())),
            8 => MemoryMarshal.AsBytes(new Span<long>(ref writer.Header<long>())),
            16 => MemoryMarshal.AsBytes(new Span<Guid>(ref writer.Header<Guid>())),
            _ => [],
        };
        message.Header.CopyTo(header);
        WriteAttributes(writer, message.Attributes);
        writer.EndMessage();
    }

    private static void WriteAttributes(NetlinkMessageWriter writer, Attribute[] attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Children is null)
            {
                writer.Put(attribute.Type, attribute.Value);
                continue;
            }
            var token = writer.BeginNested(attribute.Type);
            WriteAttributes(writer, attribute.Children);
            writer.EndNested(token);
        }
    }

    private static void AssertAttributes(Attribute[] expected, ref NetlinkAttributeEnumerator actual)
    {
        foreach (var attribute in expected)
        {
            Assert.True(actual.MoveNext(), $"attribute {attribute.Type} missing");
            var current = actual.Current;
            Assert.Equal(attribute.Type, current.Type);
            if (attribute.Children is null)
            {
                Assert.Equal(attribute.Type, current.RawType);
                Assert.True(current.Value.SequenceEqual(attribute.Value), $"attribute {attribute.Type}: value differs");
            }
            else
            {
                Assert.Equal(attribute.Type | NetlinkConstants.NLA_F_NESTED, current.RawType);
                var nested = current.Nested;
                AssertAttributes(attribute.Children, ref nested);
            }
        }
        Assert.False(actual.MoveNext(), "an attribute too many");
        Assert.False(actual.Malformed);
    }
}
