using System.Buffers.Binary;
using System.Runtime.InteropServices;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Unit.Netlink;

/// <summary>
/// Feeds the parsers truncated and corrupted copies of the captured kernel replies. The enumerators
/// and decoders work on spans, so reading out of bounds would throw; on top of that every input is
/// placed right before a PROT_NONE guard page, so a read past its end through a raw pointer would
/// crash the test host instead of reading a neighbour's bytes.
/// </summary>
public sealed unsafe partial class MalformedInputTests : IDisposable
{
    private const int Seed = 0x4E4C_7E57;
    private const int CorruptionsPerFile = 400;

    private readonly GuardedBuffer _guarded = new(64 * 1024);

    public void Dispose() => _guarded.Dispose();

    [Fact]
    public void EveryTruncation_OfEveryCapture_StopsCleanlyAndFlagsTheCutMessage()
    {
        long inputs = 0;
        foreach (var file in CapturedNetlink.FileNames)
        {
            var bytes = CapturedNetlink.Bytes(file);
            var layout = CapturedNetlink.Entry(file).GetProperty("messages").EnumerateArray()
                .Select(m => (Offset: m.GetProperty("offset").GetInt32(), Length: m.GetProperty("len").GetInt32()))
                .ToArray();
            var boundaries = new HashSet<int> { 0 };
            foreach (var (offset, length) in layout)
            {
                boundaries.Add(offset + length);
                boundaries.Add(Math.Min(offset + NetlinkConstants.Align(length), bytes.Length));
            }
            for (var cut = 0; cut <= bytes.Length; cut++)
            {
                var walk = Walk(_guarded.Place(bytes.AsSpan(0, cut)));
                inputs++;
                var complete = layout.Count(m => m.Offset + m.Length <= cut);
                Assert.True(complete == walk.Messages, $"{file} cut at {cut}: {walk.Messages} messages, {complete} complete ones");
                Assert.True(boundaries.Contains(cut) != walk.Malformed, $"{file} cut at {cut}: Malformed = {walk.Malformed}");
            }
        }
        Report($"truncations: {inputs} inputs");
    }

    [Fact]
    public void ShortLinkPayloads_DecodeOnlyAtAttributeBoundaries_AndNeverBelowTheHeader()
    {
        long inputs = 0;
        foreach (var file in CapturedNetlink.FileNames)
        {
            var bytes = CapturedNetlink.Bytes(file);
            foreach (var m in CapturedNetlink.Entry(file).GetProperty("messages").EnumerateArray())
            {
                if (m.GetProperty("type").GetUInt16() != RtnlMessageType.RTM_NEWLINK) continue;
                var payload = bytes.AsSpan(m.GetProperty("offset").GetInt32() + NetlinkConstants.HeaderLength,
                    m.GetProperty("len").GetInt32() - NetlinkConstants.HeaderLength);
                // Where a cut leaves whole attributes: after the 16-byte ifinfomsg, or after an attribute
                // (anywhere in its padding), by an independent walk of the original.
                var whole = new HashSet<int> { 16 };
                foreach (var a in Layout(payload, 16)!)
                    for (var end = a.Offset + a.Length; end <= Math.Min(a.Offset + NetlinkConstants.Align(a.Length), payload.Length); end++)
                        whole.Add(end);
                for (var cut = 0; cut <= payload.Length; cut++)
                {
                    var message = new NetlinkMessage(RtnlMessageType.RTM_NEWLINK, 2, 1, 1, _guarded.Place(payload[..cut]));
                    var ok = LinkMessage.TryDecode(message, out var link);
                    inputs++;
                    if (cut < 16)
                    {
                        Assert.False(ok, $"{file}: a {cut}-byte payload (shorter than ifinfomsg) decoded");
                        Assert.False(message.TryReadHeader(out IfInfoMsg _));
                        continue;
                    }
                    Assert.True(whole.Contains(cut) == ok, $"{file}: payload cut at {cut} decoded = {ok}");
                    if (ok) Touch(link);
                }
            }
        }
        Report($"short link payloads: {inputs} inputs");
    }

    [Fact]
    public void ShortErrorPayloads_AreBadMessages_AndLongerOnesKeepTheErrno()
    {
        long inputs = 0;
        foreach (var file in CapturedNetlink.FileNames)
        {
            var bytes = CapturedNetlink.Bytes(file);
            foreach (var m in CapturedNetlink.Entry(file).GetProperty("messages").EnumerateArray())
            {
                var type = m.GetProperty("type").GetUInt16();
                if (type is not (NetlinkConstants.NLMSG_ERROR or NetlinkConstants.NLMSG_DONE)) continue;
                var flags = m.GetProperty("flags").GetUInt16();
                var errno = -m.GetProperty("error").GetInt32();
                var payload = bytes.AsSpan(m.GetProperty("offset").GetInt32() + NetlinkConstants.HeaderLength,
                    m.GetProperty("len").GetInt32() - NetlinkConstants.HeaderLength);
                for (var cut = 0; cut <= payload.Length; cut++)
                {
                    var message = new NetlinkMessage(type, flags, 1, 1, _guarded.Place(payload[..cut]));
                    inputs++;
                    Assert.Equal(cut < 4 ? Errno.EBADMSG : errno, message.ErrorCode);
                    if (type != NetlinkConstants.NLMSG_ERROR) continue;
                    var error = NetlinkError.Parse(message);
                    // struct nlmsgerr is the error int and the echoed 16-byte header.
                    Assert.Equal(cut < 20 ? Errno.EBADMSG : errno, error.Errno);
                    _ = error.ToString();
                    _ = error.Status;
                }
            }
        }
        Report($"short error/done payloads: {inputs} inputs");
    }

    [Fact]
    public void RandomCorruptions_NeverThrow_AndLyingLengthsAreFlagged()
    {
        var random = new Random(Seed);
        long inputs = 0, lyingMessageLengths = 0, lyingAttributeLengths = 0, lyingNestedLengths = 0;
        foreach (var file in CapturedNetlink.FileNames)
        {
            var original = CapturedNetlink.Bytes(file);
            var messages = CapturedNetlink.Entry(file).GetProperty("messages").EnumerateArray()
                .Select(m => (Offset: m.GetProperty("offset").GetInt32(), Length: m.GetProperty("len").GetInt32(), Type: m.GetProperty("type").GetUInt16()))
                .ToArray();
            for (var round = 0; round < CorruptionsPerFile; round++)
            {
                var bytes = (byte[])original.Clone();
                var which = random.Next(messages.Length);
                var (offset, length, type) = messages[which];
                var kind = random.Next(5);
                switch (kind)
                {
                    case 0: // flip a few random bytes anywhere
                        for (var n = random.Next(1, 9); n > 0; n--) bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                        Walk(_guarded.Place(bytes));
                        break;

                    case 1: // make one message length lie
                    {
                        var remaining = bytes.Length - offset;
                        uint[] lies = [0, 3, 15, (uint)remaining + 1, (uint)remaining + 4, 0x7FFF_FFFF, 0xFFFF_FFFF, (uint)random.Next(16, 1 << 20) | 1];
                        var lie = lies[random.Next(lies.Length)];
                        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), lie);
                        var walk = Walk(_guarded.Place(bytes));
                        if (lie < 16 || lie > remaining)
                        {
                            lyingMessageLengths++;
                            Assert.True(walk.Malformed, $"{file}: nlmsg_len {lie} at {offset} not flagged");
                            Assert.Equal(which, walk.Messages);
                        }
                        break;
                    }

                    case 2: // make one top-level attribute length lie
                    case 3: // make one nested attribute length lie (IFLA_LINKINFO and friends)
                    {
                        var fixedLength = FixedHeaderLength(type);
                        if (fixedLength < 0) goto case 0;
                        var payload = bytes.AsSpan(offset + NetlinkConstants.HeaderLength, length - NetlinkConstants.HeaderLength);
                        var top = Layout(payload, fixedLength);
                        if (top is null || top.Count == 0) goto case 0;
                        var attribute = top[random.Next(top.Count)];
                        var containerEnd = payload.Length;
                        var nestedInLinkInfo = false;
                        if (kind == 3)
                        {
                            var parents = new List<(int Offset, int Length, ushort Type)>();
                            foreach (var a in top)
                                if (Layout(payload[(a.Offset + 4)..(a.Offset + a.Length)], 0) is { Count: > 0 }) parents.Add(a);
                            if (parents.Count == 0) goto case 0;
                            var parent = parents[random.Next(parents.Count)];
                            var children = Layout(payload[(parent.Offset + 4)..(parent.Offset + parent.Length)], 0)!;
                            var child = children[random.Next(children.Count)];
                            attribute = (parent.Offset + 4 + child.Offset, child.Length, child.Type);
                            containerEnd = parent.Offset + parent.Length;
                            nestedInLinkInfo = type == RtnlMessageType.RTM_NEWLINK && (parent.Type & NetlinkConstants.NLA_TYPE_MASK) == LinkConstants.IFLA_LINKINFO;
                        }
                        var remaining = containerEnd - attribute.Offset;
                        ushort[] lies = [0, 1, 3, (ushort)Math.Min(remaining + 1, 0xFFFF), (ushort)Math.Min(remaining + 4, 0xFFFF), 0xFFFF, (ushort)(random.Next(4, 0x10000) | 1)];
                        var lie = lies[random.Next(lies.Length)];
                        BinaryPrimitives.WriteUInt16LittleEndian(payload[attribute.Offset..], lie);
                        var walk = Walk(_guarded.Place(bytes));
                        Assert.False(walk.Malformed); // the message headers are intact
                        Assert.Equal(messages.Length, walk.Messages);
                        if (lie < 4 || lie > remaining)
                        {
                            if (kind == 2) lyingAttributeLengths++; else lyingNestedLengths++;
                            var message = MessageAt(bytes, which);
                            var attributes = message.Attributes(fixedLength);
                            if (kind == 2)
                            {
                                while (attributes.MoveNext()) { }
                                Assert.True(attributes.Malformed, $"{file}: nla_len {lie} at {attribute.Offset} not flagged");
                            }
                            if (type == RtnlMessageType.RTM_NEWLINK && (kind == 2 || nestedInLinkInfo))
                                Assert.False(LinkMessage.TryDecode(message, out _), $"{file}: link with a lying nla_len {lie} decoded");
                        }
                        break;
                    }

                    default: // truncate somewhere, then flip a byte in what is left
                    {
                        var cut = random.Next(bytes.Length + 1);
                        if (cut > 0) bytes[random.Next(cut)] ^= (byte)random.Next(1, 256);
                        Walk(_guarded.Place(bytes.AsSpan(0, cut)));
                        break;
                    }
                }
                inputs++;
            }
        }
        Report($"random corruptions (seed {Seed}): {inputs} inputs; {lyingMessageLengths} lying nlmsg_len, " +
               $"{lyingAttributeLengths} lying top-level nla_len, {lyingNestedLengths} lying nested nla_len, all flagged");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Attributes_AfterAnUnalignedFixedHeader_OfAShortPayload_AreEmpty(int fixedHeaderLength)
    {
        // struct rtgenmsg is 1 byte; a fixed header whose aligned size exceeds the payload must give no
        // attributes rather than slice past the end.
        for (var payloadLength = 0; payloadLength < NetlinkConstants.Align(fixedHeaderLength); payloadLength++)
        {
            var message = new NetlinkMessage(RtnlMessageType.RTM_NEWLINK, 0, 0, 0, _guarded.Place(new byte[payloadLength]));
            var attributes = message.Attributes(fixedHeaderLength);
            Assert.False(attributes.MoveNext());
        }
    }

    [Fact]
    public void AttributeEnumerator_FlagsEveryLengthThatLies()
    {
        // nla_len below the 4-byte header, past the end, and a trailing fragment shorter than a header.
        byte[][] cases =
        [
            [0, 0, 1, 0],
            [3, 0, 1, 0],
            [9, 0, 1, 0, 1, 2, 3, 4],
            [0xFF, 0xFF, 1, 0, 1, 2, 3, 4],
            [8, 0, 1, 0, 1, 2, 3, 4, 5],
            [8, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7],
        ];
        foreach (var bytes in cases)
        {
            var attributes = new NetlinkAttributeEnumerator(_guarded.Place(bytes));
            while (attributes.MoveNext()) { }
            Assert.True(attributes.Malformed, Convert.ToHexString(bytes));
        }
        // A last attribute without its padding is fine: the kernel does not always pad the end.
        var unpadded = new NetlinkAttributeEnumerator(_guarded.Place([5, 0, 1, 0, 42]));
        Assert.True(unpadded.MoveNext());
        Assert.Equal([42], unpadded.Current.Value.ToArray());
        Assert.False(unpadded.MoveNext());
        Assert.False(unpadded.Malformed);
    }

    [Fact]
    public void AttributeAccessors_OnShortValues_ReturnFalseAndZero()
    {
        for (var length = 0; length <= 8; length++)
        {
            var value = _guarded.Place(Enumerable.Repeat((byte)0xAB, length).ToArray());
            var attribute = new NetlinkAttribute(0x8001, value);
            Assert.Equal(1, attribute.Type);
            Assert.Equal(length >= 1, attribute.TryGetU8(out var u8));
            Assert.Equal(length >= 1 ? 0xAB : 0, u8);
            Assert.Equal(length >= 2, attribute.TryGetU16(out var u16));
            Assert.Equal(length >= 2 ? 0xABAB : 0, u16);
            Assert.Equal(length >= 4, attribute.TryGetU32(out var u32));
            Assert.Equal(length >= 4 ? 0xABABABABu : 0, u32);
            Assert.Equal(length >= 8, attribute.TryGetU64(out var u64));
            Assert.Equal(length >= 8 ? 0xABABABABABABABABul : 0, u64);
            Assert.Equal(length == 0, attribute.GetString().Length == 0); // no NUL: the whole value
            // 1-3 bytes cannot hold an attribute header; from 4 on, nla_len 0xABAB is past the end.
            var nested = attribute.Nested;
            Assert.False(nested.MoveNext());
            Assert.Equal(length > 0, nested.Malformed);
        }
    }

    // ---- the walker every input goes through ----

    private readonly record struct WalkResult(int Messages, bool Malformed);

    /// <summary>Runs every enumerator and decoder over a datagram, touching every value it yields.</summary>
    private static WalkResult Walk(ReadOnlySpan<byte> datagram)
    {
        var count = 0;
        var messages = new NetlinkMessageEnumerator(datagram);
        while (messages.MoveNext())
        {
            count++;
            var message = messages.Current;
            _ = message.ErrorCode;
            _ = message.TryReadHeader(out IfInfoMsg _);
            switch (message.Type)
            {
                case NetlinkConstants.NLMSG_ERROR:
                {
                    var error = NetlinkError.Parse(message);
                    if (message.Payload.Length < 20) Assert.Equal(Errno.EBADMSG, error.Errno);
                    _ = error.ToString();
                    _ = error.Status;
                    break;
                }
                case NetlinkConstants.NLMSG_DONE:
                    if (message.Payload.Length >= 4) WalkAttributes(new NetlinkAttributeEnumerator(message.Payload[4..]), 0);
                    break;
                case RtnlMessageType.RTM_NEWLINK:
                    if (LinkMessage.TryDecode(message, out var link)) Touch(link);
                    if (message.Payload.Length < 16) Assert.False(LinkMessage.TryDecode(message, out _));
                    break;
            }
            // Every fixed-header size an rtnetlink family uses, aligned or not (rtgenmsg is 1 byte).
            foreach (var fixedLength in (ReadOnlySpan<int>)[0, 1, 4, 8, 12, 16, 20])
                WalkAttributes(message.Attributes(fixedLength), 0);
        }
        return new WalkResult(count, messages.Malformed);
    }

    private static void WalkAttributes(NetlinkAttributeEnumerator attributes, int depth)
    {
        while (attributes.MoveNext())
        {
            var attribute = attributes.Current;
            _ = attribute.TryGetU8(out _);
            _ = attribute.TryGetU16(out _);
            _ = attribute.TryGetU32(out _);
            _ = attribute.TryGetU64(out _);
            _ = attribute.GetString();
            _ = attribute.StringEquals("lo"u8);
            // Any value may be (or look like) nested attributes: walk it as such a few levels deep.
            if (depth < 3) WalkAttributes(attribute.Nested, depth + 1);
        }
    }

    private static void Touch(in LinkMessage link)
    {
        _ = link.Name.Length + link.Address.Length + link.Broadcast.Length + link.PermanentAddress.Length
            + link.Kind.Length + link.SlaveKind.Length + link.IfAlias.Length + link.ParentDeviceName.Length + link.ParentBusName.Length;
        _ = link.Stats.Present;
        _ = link.Stats.RxPackets + link.Stats.TxPackets + link.Stats.RxBytes + link.Stats.TxBytes + link.Stats.RxErrors
            + link.Stats.TxErrors + link.Stats.RxDropped + link.Stats.TxDropped + link.Stats.Multicast + link.Stats.Collisions
            + link.Stats.RxNoHandler;
    }

    /// <summary>The fixed header size after which a message type's attributes start, or -1 for none.</summary>
    private static int FixedHeaderLength(ushort type) => type switch
    {
        RtnlMessageType.RTM_NEWLINK => 16,
        RtnlMessageType.RTM_NEWADDR => 8,
        RtnlMessageType.RTM_NEWROUTE => 12,
        RtnlMessageType.RTM_NEWNEIGH => 12,
        _ => -1,
    };

    /// <summary>
    /// An independent walk of the attributes in <paramref name="data"/> after <paramref name="start"/>
    /// bytes: offsets (relative to <paramref name="data"/>), nla_len and raw types; null if it does not parse cleanly.
    /// </summary>
    private static List<(int Offset, int Length, ushort Type)>? Layout(ReadOnlySpan<byte> data, int start)
    {
        var list = new List<(int, int, ushort)>();
        var at = start;
        while (at < data.Length)
        {
            if (data.Length - at < 4) return null;
            int length = BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
            if (length < 4 || length > data.Length - at) return null;
            list.Add((at, length, BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 2)..])));
            at += NetlinkConstants.Align(length);
        }
        return list;
    }

    private static NetlinkMessage MessageAt(byte[] bytes, int index)
    {
        var messages = new NetlinkMessageEnumerator(bytes);
        for (var i = 0; i <= index; i++) Assert.True(messages.MoveNext());
        return messages.Current;
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }

    /// <summary>Anonymous memory whose last page is PROT_NONE; <see cref="Place"/> copies an input to end right before it.</summary>
    private sealed class GuardedBuffer : IDisposable
    {
        private readonly nuint _pageSize = (nuint)Environment.SystemPageSize;
        private readonly nuint _dataSize;
        private byte* _base;

        public GuardedBuffer(int capacity)
        {
            _dataSize = ((nuint)capacity + _pageSize - 1) / _pageSize * _pageSize;
            var total = _dataSize + _pageSize;
            var address = Native.mmap(null, total, Native.PROT_READ | Native.PROT_WRITE, Native.MAP_PRIVATE | Native.MAP_ANONYMOUS, -1, 0);
            if ((nint)address == -1) throw new InvalidOperationException($"mmap failed: errno {Marshal.GetLastPInvokeError()}");
            _base = (byte*)address;
            if (Native.mprotect(_base + _dataSize, _pageSize, Native.PROT_NONE) != 0)
                throw new InvalidOperationException($"mprotect failed: errno {Marshal.GetLastPInvokeError()}");
        }

        public ReadOnlySpan<byte> Place(ReadOnlySpan<byte> input)
        {
            if ((nuint)input.Length > _dataSize) throw new ArgumentException("input larger than the guarded buffer");
            var span = new Span<byte>(_base + _dataSize - (nuint)input.Length, input.Length);
            input.CopyTo(span);
            return span;
        }

        public void Dispose()
        {
            if (_base is null) return;
            _ = Native.munmap(_base, _dataSize + _pageSize);
            _base = null;
        }
    }

    private static partial class Native
    {
        public const int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;

        [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
        public static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

        [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
        public static partial int mprotect(void* address, nuint length, int protection);

        [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
        public static partial int munmap(void* address, nuint length);
    }
}
