using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace IpHelper.Linux.Netlink;

/// <summary>
/// A netlink socket for requests: opened in the network namespace of the calling thread, with
/// extended acks, capped acks and strict checking switched on where the kernel accepts them.
/// Every receive has a timeout and honours cancellation; replies are accepted only from the kernel
/// (sender port 0) and only for our port id and the sequence number of the request in flight, so
/// stale replies of an abandoned request and messages forged by other processes are dropped.
/// Not thread-safe: one request at a time.
/// </summary>
internal sealed unsafe class NetlinkSocket : IDisposable
{
    /// <summary>How many times an interrupted dump (NLM_F_DUMP_INTR) is repeated before giving up.</summary>
    public const int MaxDumpAttempts = 16;

    private const int PollSliceMs = 100;

    /// <summary>The most replies <see cref="Query"/> takes in one recvmmsg.</summary>
    private const int MaxQuerySlots = 4;
    private const int MinReceiveBuffer = 256 * 1024;

    private readonly SafeNetlinkHandle _handle;
    private byte[] _receiveBuffer;
    private NetlinkMessageWriter? _request;
    private uint _sequence;

    /// <summary>Connected to the kernel (<see cref="ConnectToKernel"/>): no other sender can reach the socket.</summary>
    private bool _connected;

    private NetlinkSocket(SafeNetlinkHandle handle, uint portId, bool strict, bool extendedAck, int datagramBufferBytes)
    {
        _receiveBuffer = new byte[datagramBufferBytes];
        _handle = handle;
        PortId = portId;
        StrictCheck = strict;
        ExtendedAck = extendedAck;
        _sequence = (uint)Environment.TickCount;
    }

    /// <summary>The port id the kernel bound this socket to.</summary>
    public uint PortId { get; }

    /// <summary>True when NETLINK_GET_STRICT_CHK is on, so dump requests are filtered by the kernel.</summary>
    public bool StrictCheck { get; }

    /// <summary>True when the kernel sends extended-ack messages (NETLINK_EXT_ACK).</summary>
    public bool ExtendedAck { get; }

    /// <summary>How long a receive waits for the kernel before the request fails with ETIMEDOUT.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When set, a wait for the kernel ends with ECANCELED as soon as the signal is set.</summary>
    public WakeSignal? Wake { get; set; }

    /// <summary>Messages dropped because they came from another sender, port or sequence number.</summary>
    public long IgnoredMessages { get; private set; }

    /// <summary>Dumps repeated because the kernel flagged them inconsistent (NLM_F_DUMP_INTR).</summary>
    public long DumpRestarts { get; private set; }

    /// <summary>Watched dumps kept although rows were added during them (they may hold a row twice).</summary>
    public long DumpsRacedByAdditions { get; private set; }

    /// <summary>Opens a socket of <paramref name="protocol"/> in the network namespace of the calling thread.</summary>
    /// <exception cref="NetlinkException">The socket could not be created or bound.</exception>
    /// <param name="protocol">The netlink family.</param>
    /// <param name="datagramBufferBytes">The first size of the user-space receive buffer (a larger datagram grows it).</param>
    public static NetlinkSocket Open(int protocol = NetlinkConstants.NETLINK_ROUTE, int datagramBufferBytes = MinReceiveBuffer)
    {
        var handle = Interop.socket(Interop.AF_NETLINK, Interop.SOCK_RAW | Interop.SOCK_CLOEXEC, protocol);
        if (handle.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw Failure(errno, "socket(AF_NETLINK) failed");
        }
        try
        {
            var address = new Interop.SockAddrNetlink { Family = Interop.AF_NETLINK };
            if (Interop.bind(handle, address, sizeof(Interop.SockAddrNetlink)) != 0)
                throw Failure(Marshal.GetLastPInvokeError(), "bind(AF_NETLINK) failed");
            var length = sizeof(Interop.SockAddrNetlink);
            if (Interop.getsockname(handle, out var bound, ref length) != 0)
                throw Failure(Marshal.GetLastPInvokeError(), "getsockname(AF_NETLINK) failed");
            // Each option is optional: older kernels refuse them and we fall back.
            SetOption(handle, Interop.SOL_NETLINK, NetlinkConstants.NETLINK_CAP_ACK, 1);
            var extAck = SetOption(handle, Interop.SOL_NETLINK, NetlinkConstants.NETLINK_EXT_ACK, 1);
            var strict = protocol == NetlinkConstants.NETLINK_ROUTE
                && SetOption(handle, Interop.SOL_NETLINK, NetlinkConstants.NETLINK_GET_STRICT_CHK, 1);
            // Batches queue one ack per request; room for them avoids dropped acks.
            if (!SetOption(handle, Interop.SOL_SOCKET, Interop.SO_RCVBUFFORCE, 4 << 20))
                SetOption(handle, Interop.SOL_SOCKET, Interop.SO_RCVBUF, 4 << 20);
            if (!SetOption(handle, Interop.SOL_SOCKET, Interop.SO_SNDBUFFORCE, 1 << 20))
                SetOption(handle, Interop.SOL_SOCKET, Interop.SO_SNDBUF, 1 << 20);
            return new NetlinkSocket(handle, bound.PortId, strict, extAck, datagramBufferBytes);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a dump request (NLM_F_DUMP is added) and feeds every reply to <paramref name="handler"/>.
    /// An interrupted dump is drained and repeated up to <see cref="MaxDumpAttempts"/> times, with
    /// <see cref="INetlinkReplyHandler.OnRestart"/> before each repetition.
    /// </summary>
    public NetlinkError Dump<THandler>(NetlinkMessageWriter request, ref THandler handler, CancellationToken cancellationToken = default)
        where THandler : INetlinkReplyHandler =>
        Dump(request, ref handler, removals: null, additions: null, out _, cancellationToken);

    /// <summary>
    /// <see cref="Dump{THandler}(NetlinkMessageWriter, ref THandler, CancellationToken)"/> for a table whose
    /// kernel walk is not flagged when the table changes under it, watched by two subscriptions opened
    /// before the dump: <paramref name="removals"/> receives only changes that can make the walk skip a
    /// row (a dump during which it received anything counts as interrupted), <paramref name="additions"/>
    /// the rest (a dump during which only it received something sets <paramref name="duplicatesPossible"/>:
    /// the walk may have sent a row twice, but lost none).
    /// </summary>
    public NetlinkError Dump<THandler>(NetlinkMessageWriter request, ref THandler handler, NetlinkSocket? removals, NetlinkSocket? additions,
        out bool duplicatesPossible, CancellationToken cancellationToken = default)
        where THandler : INetlinkReplyHandler
    {
        duplicatesPossible = false;
        SetFlags(request, 0, NetlinkConstants.NLM_F_DUMP);
        for (var attempt = 1; ; attempt++)
        {
            var sequence = Stamp(request, 0);
            var error = Send(request.Written);
            if (error.Failed) return error;
            var interrupted = false;
            error = Collect(sequence, dump: true, ref handler, ref interrupted, cancellationToken);
            if (!error.Failed && removals is not null && removals.Drain()) interrupted = true;
            if (!error.Failed && !interrupted && additions is not null && additions.Drain())
            {
                duplicatesPossible = true;
                DumpsRacedByAdditions++;
            }
            if (error.Failed || !interrupted) return error;
            DumpRestarts++;
            if (attempt == MaxDumpAttempts)
                return new NetlinkError(Errno.EINTR, $"the kernel table changed during each of {MaxDumpAttempts} dump attempts");
            handler.OnRestart();
        }
    }

    /// <summary>
    /// Sends a dump request (NLM_F_DUMP is added) and returns without reading: the caller reads the replies
    /// datagram by datagram with <see cref="ReadDump"/>, so a dump of any size needs one datagram of memory.
    /// Until the dump's NLMSG_DONE is read the socket serves nothing else (the kernel refuses a second dump
    /// with EBUSY): a socket whose dump is abandoned must be closed, not reused.
    /// </summary>
    public NetlinkError StartDump(NetlinkMessageWriter request, out uint sequence)
    {
        SetFlags(request, 0, NetlinkConstants.NLM_F_DUMP);
        sequence = Stamp(request, 0);
        return Send(request.Written);
    }

    /// <summary>
    /// Receives the next datagram of the dump <see cref="StartDump"/> sent and hands its messages to
    /// <paramref name="handler"/>. <paramref name="done"/>: the kernel ended the dump (NLMSG_DONE, or an
    /// error it answered); <paramref name="interrupted"/> is set when the kernel flagged a message
    /// NLM_F_DUMP_INTR or a datagram did not fit the buffer and was lost. Nothing is repeated here.
    /// </summary>
    public NetlinkError ReadDump<THandler>(uint sequence, ref THandler handler, ref bool interrupted, out bool done,
        CancellationToken cancellationToken = default)
        where THandler : INetlinkReplyHandler =>
        CollectDatagram(sequence, dump: true, ref handler, ref interrupted, out done, cancellationToken);

    /// <summary>
    /// Sends one request with NLM_F_ACK and waits for its ack; reply messages (the answer of a GET,
    /// an echo) go to <paramref name="handler"/>.
    /// </summary>
    public NetlinkError Execute<THandler>(NetlinkMessageWriter request, ref THandler handler, CancellationToken cancellationToken = default)
        where THandler : INetlinkReplyHandler
    {
        SetFlags(request, 0, NetlinkConstants.NLM_F_ACK);
        var sequence = Stamp(request, 0);
        var error = Send(request.Written);
        if (error.Failed) return error;
        var interrupted = false;
        return Collect(sequence, dump: false, ref handler, ref interrupted, cancellationToken);
    }

    /// <summary>Sends one request that has no reply but its ack.</summary>
    public NetlinkError Execute(NetlinkMessageWriter request, CancellationToken cancellationToken = default)
    {
        var none = default(NoReplies);
        return Execute(request, ref none, cancellationToken);
    }

    /// <summary>
    /// Sends every GET request of <paramref name="requests"/> in one sendmsg, without NLM_F_ACK, each with
    /// its own sequence number: the kernel answers each with exactly one reply message (handed to
    /// <paramref name="handler"/> with the request's index) or an NLMSG_ERROR (stored in
    /// <paramref name="results"/> at that index). Saves the ack datagram and, for several requests,
    /// the round trips of asking one after another. Returns a transport failure (send error, timeout).
    /// </summary>
    /// <remarks>
    /// rtnetlink answers a GET inside the sendmsg that carries it, so every reply is queued when the send
    /// returns: one recvmmsg takes them all, each datagram into its own slice of the receive buffer. A reply
    /// larger than its slice (or than the whole buffer) is lost; since a GET changes nothing it is asked again,
    /// with its own sequence number, and from then on the replies are read one by one into the whole buffer,
    /// enlarged to hold it. Only a reply that grew past that again fails the query (EMSGSIZE).
    /// </remarks>
    public NetlinkError Query<THandler>(NetlinkMessageWriter requests, Span<NetlinkError> results, ref THandler handler, CancellationToken cancellationToken = default)
        where THandler : INetlinkQueryHandler
    {
        var count = requests.MessageCount;
        if (results.Length < count) throw new ArgumentException("one result per request is needed", nameof(results));
        var baseSequence = unchecked(_sequence + 1);
        for (var i = 0; i < count; i++) Stamp(requests, i);
        var error = Send(requests.Written);
        if (error.Failed) return error;
        Span<bool> answered = stackalloc bool[count];
        Span<int> lengths = stackalloc int[Math.Min(count, MaxQuerySlots)];
        var pending = count;
        var whole = false;
        while (pending > 0)
        {
            var slots = whole ? 1 : Math.Min(pending, lengths.Length);
            var buffer = _receiveBuffer;
            var slotBytes = buffer.Length / slots;
            error = ReceiveDatagrams(lengths[..slots], cancellationToken, out var received);
            if (error.Failed) return error;
            for (var k = 0; k < received; k++)
            {
                var datagram = buffer.AsSpan(k * slotBytes, Math.Min(lengths[k], slotBytes));
                if (lengths[k] > slotBytes)
                {
                    if (whole && slots == 1) return Lost(lengths[k]);
                    if (lengths[k] > buffer.Length) _receiveBuffer = new byte[Math.Max(lengths[k], buffer.Length * 2)];
                    whole = true;
                    error = AskAgain(requests, datagram, baseSequence, answered);
                    if (error.Failed) return error;
                    continue;
                }
                var messages = new NetlinkMessageEnumerator(datagram);
                while (messages.MoveNext())
                {
                    var message = messages.Current;
                    var index = unchecked(message.Sequence - baseSequence);
                    if (message.PortId != PortId || index >= (uint)count || answered[(int)index]
                        || message.Type is NetlinkConstants.NLMSG_DONE or NetlinkConstants.NLMSG_NOOP)
                    {
                        IgnoredMessages++;
                        continue;
                    }
                    if (message.Type == NetlinkConstants.NLMSG_OVERRUN)
                        return new NetlinkError(Errno.EOVERFLOW, "the kernel reported lost netlink data (NLMSG_OVERRUN)");
                    answered[(int)index] = true;
                    pending--;
                    if (message.Type == NetlinkConstants.NLMSG_ERROR)
                    {
                        results[(int)index] = NetlinkError.Parse(message);
                        continue;
                    }
                    results[(int)index] = NetlinkError.None;
                    handler.OnMessage((int)index, message);
                }
                if (messages.Malformed) return new NetlinkError(Errno.EBADMSG, "malformed netlink message from the kernel");
            }
        }
        return NetlinkError.None;
    }

    /// <summary>
    /// A reply of <see cref="Query"/> was cut to <paramref name="head"/>: when its header names a request
    /// of the query still unanswered, that request is sent again, as it was (same sequence number).
    /// </summary>
    private NetlinkError AskAgain(NetlinkMessageWriter requests, ReadOnlySpan<byte> head, uint baseSequence, ReadOnlySpan<bool> answered)
    {
        var index = head.Length >= NetlinkConstants.HeaderLength
            ? unchecked(BinaryPrimitives.ReadUInt32LittleEndian(head[8..]) - baseSequence)
            : uint.MaxValue;
        if (index >= (uint)answered.Length || answered[(int)index] || BinaryPrimitives.ReadUInt32LittleEndian(head[12..]) != PortId)
        {
            IgnoredMessages++;
            return NetlinkError.None;
        }
        return Send(requests.Written[requests.MessageOffset((int)index)..EndOf(requests, (int)index)]);
    }

    /// <summary>
    /// Sends every message of <paramref name="batch"/>, many per sendmsg, each with its own sequence
    /// number, and stores each message's outcome in <paramref name="results"/> (same index). Only the last
    /// message of each sendmsg asks for an acknowledgement: the kernel answers every failing message
    /// with an NLMSG_ERROR anyway and handles the messages of one datagram in order, so once the last
    /// one is answered, a message without an answer succeeded. Returns a transport failure (send error,
    /// timeout); per-message kernel errors are only in the results.
    /// </summary>
    public NetlinkError ExecuteBatch(NetlinkMessageWriter batch, Span<NetlinkError> results, CancellationToken cancellationToken = default)
    {
        if (results.Length < batch.MessageCount) throw new ArgumentException("one result per message is needed", nameof(results));
        const int ChunkBytes = 128 * 1024;
        // Every error is a separate skb of about 800 bytes of receive-buffer accounting; a chunk must not
        // queue more of them (all its messages may fail) than the buffer the kernel granted can hold.
        var chunkMessages = Math.Clamp(ReceiveBufferBytes() / 1024, 16, 1024);
        var first = 0;
        while (first < batch.MessageCount)
        {
            var start = batch.MessageOffset(first);
            var last = first;
            while (last + 1 < batch.MessageCount && last + 1 - first < chunkMessages
                   && EndOf(batch, last + 1) - start <= ChunkBytes)
                last++;
            var baseSequence = unchecked(_sequence + 1);
            for (var i = first; i <= last; i++) Stamp(batch, i);
            SetFlags(batch, last, NetlinkConstants.NLM_F_ACK);
            var error = Send(batch.Written[start..EndOf(batch, last)]);
            if (error.Failed) return error;
            var pending = last - first + 1;
            results.Slice(first, pending).Fill(NetlinkError.None);
            var acks = new AckCollector(results.Slice(first, pending), baseSequence);
            while (!acks.LastAnswered)
            {
                error = ReceiveInto(cancellationToken, out var length);
                if (error.Failed) return error;
                var messages = new NetlinkMessageEnumerator(_receiveBuffer.AsSpan(0, length));
                while (messages.MoveNext())
                {
                    var message = messages.Current;
                    if (message.PortId != PortId || message.Type != NetlinkConstants.NLMSG_ERROR || !acks.Accept(message))
                        IgnoredMessages++;
                }
                if (messages.Malformed) return new NetlinkError(Errno.EBADMSG, "malformed netlink message from the kernel");
            }
            first = last + 1;
        }
        return NetlinkError.None;
    }

    /// <summary>
    /// Opens a socket that receives the kernel's change notifications for <paramref name="groups"/>,
    /// with a large receive buffer (SO_RCVBUFFORCE when privileged, else as large as SO_RCVBUF allows).
    /// NETLINK_NO_ENOBUFS stays off: an overrun must be reported, never hidden.
    /// </summary>
    /// <exception cref="NetlinkException">The socket could not be opened or a group could not be joined.</exception>
    public static NetlinkSocket OpenSubscriber(ReadOnlySpan<uint> groups, int receiveBufferBytes, int datagramBufferBytes = MinReceiveBuffer)
    {
        var socket = Open(NetlinkConstants.NETLINK_ROUTE, datagramBufferBytes);
        try
        {
            if (!SetOption(socket._handle, Interop.SOL_SOCKET, Interop.SO_RCVBUFFORCE, receiveBufferBytes))
                SetOption(socket._handle, Interop.SOL_SOCKET, Interop.SO_RCVBUF, receiveBufferBytes);
            foreach (var group in groups)
            {
                var error = socket.JoinGroup(group);
                if (error.Failed) throw Failure(error.Errno, $"cannot join rtnetlink group {group}");
            }
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for one datagram of notifications and hands each message
    /// in it to <paramref name="handler"/>. Returns ETIMEDOUT when nothing came, ENOBUFS when the
    /// kernel dropped notifications because the receive buffer was full (the caller must resynchronise).
    /// </summary>
    public NetlinkError ReceiveNotifications<THandler>(ref THandler handler, TimeSpan timeout, CancellationToken cancellationToken = default)
        where THandler : INetlinkReplyHandler
    {
        var saved = Timeout;
        Timeout = timeout;
        try
        {
            var error = ReceiveInto(cancellationToken, out var length);
            if (error.Failed) return error;
            var messages = new NetlinkMessageEnumerator(_receiveBuffer.AsSpan(0, length));
            while (messages.MoveNext())
            {
                var message = messages.Current;
                if (message.Type < NetlinkConstants.NLMSG_MIN_TYPE)
                {
                    IgnoredMessages++;
                    continue;
                }
                handler.OnMessage(message);
            }
            return messages.Malformed ? new NetlinkError(Errno.EBADMSG, "malformed netlink message from the kernel") : NetlinkError.None;
        }
        finally
        {
            Timeout = saved;
        }
    }

    /// <summary>
    /// Throws away every datagram already queued on the socket. After an overrun the queue holds a
    /// stream with holes; a subscriber drains it before re-reading the table, so that only
    /// notifications newer than the drain are applied on top of the fresh table.
    /// </summary>
    /// <returns>True when anything was queued (or the kernel had reported an overrun).</returns>
    public bool Drain()
    {
        var any = false;
        fixed (byte* buffer = _receiveBuffer)
        {
            var iov = new Interop.IoVec { Base = buffer, Length = (nuint)_receiveBuffer.Length };
            var header = new Interop.MsgHdr { Iov = &iov, IovLength = 1 };
            while (true)
            {
                if (Interop.recvmsg(_handle, &header, Interop.MSG_DONTWAIT | Interop.MSG_TRUNC) >= 0)
                    any = true;
                else if (Marshal.GetLastPInvokeError() is var errno && errno == Errno.ENOBUFS)
                    any = true;
                else if (errno != Errno.EINTR)
                    return any;
            }
        }
    }

    /// <summary>
    /// Attaches a classic BPF program that decides, per notification, how many bytes of it the socket
    /// receives (0: none). Returns false when the kernel refused it.
    /// </summary>
    public bool AttachFilter(ReadOnlySpan<Interop.SockFilter> program)
    {
        fixed (Interop.SockFilter* instructions = program)
        {
            var fprog = new Interop.SockFprog { Length = (ushort)program.Length, Filter = instructions };
            return Interop.setsockopt(_handle, Interop.SOL_SOCKET, Interop.SO_ATTACH_FILTER, fprog, sizeof(Interop.SockFprog)) == 0;
        }
    }

    /// <summary>Joins a multicast group (any number, also those above 32).</summary>
    public NetlinkError JoinGroup(uint group) =>
        SetOption(_handle, Interop.SOL_NETLINK, NetlinkConstants.NETLINK_ADD_MEMBERSHIP, (int)group)
            ? NetlinkError.None
            : new NetlinkError(Marshal.GetLastPInvokeError(), $"cannot join netlink group {group}");

    /// <summary>
    /// Connects the socket to the kernel (port 0): the kernel then refuses datagrams other processes send
    /// to it (ECONNREFUSED to them), so a receive need not ask for and check the sender of each datagram.
    /// For request sockets; returns false (nothing changed) when the kernel refuses.
    /// </summary>
    public bool ConnectToKernel()
    {
        var kernel = new Interop.SockAddrNetlink { Family = Interop.AF_NETLINK };
        _connected = Interop.connect(_handle, kernel, sizeof(Interop.SockAddrNetlink)) == 0;
        return _connected;
    }

    /// <summary>Sends raw bytes to the kernel (sequence numbers must already be in place).</summary>
    public NetlinkError Send(ReadOnlySpan<byte> messages)
    {
        var kernel = new Interop.SockAddrNetlink { Family = Interop.AF_NETLINK };
        // A connected socket sends to the kernel without naming it (the kernel then copies no address in).
        var to = _connected ? null : &kernel;
        var toLength = _connected ? 0 : sizeof(Interop.SockAddrNetlink);
        fixed (byte* p = messages)
        {
            while (true)
            {
                var sent = Interop.sendto(_handle, p, (nuint)messages.Length, 0, to, toLength);
                if (sent >= 0) return NetlinkError.None;
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR) return new NetlinkError(errno, "sendto(netlink) failed");
            }
        }
    }

    /// <summary>The cookie of the socket's network namespace (SO_NETNS_COOKIE), or null on kernels before 5.14.</summary>
    public ulong? NamespaceCookie()
    {
        var length = sizeof(ulong);
        return Interop.getsockopt(_handle, Interop.SOL_SOCKET, Interop.SO_NETNS_COOKIE, out ulong cookie, ref length) == 0 ? cookie : null;
    }

    /// <summary>The socket descriptor, for ioctls that act on the socket's namespace.</summary>
    internal SafeNetlinkHandle Handle => _handle;

    /// <summary>
    /// The socket's own request writer, emptied: for a request built and sent at once on this socket (which
    /// serves one request at a time), so a frequent request costs no writer of its own.
    /// </summary>
    public NetlinkMessageWriter Request()
    {
        var request = _request ??= new NetlinkMessageWriter();
        request.Clear();
        return request;
    }

    public void Dispose()
    {
        _handle.Dispose();
        _request?.Dispose();
    }

    private NetlinkError Collect<THandler>(uint sequence, bool dump, ref THandler handler, ref bool interrupted, CancellationToken cancellationToken)
        where THandler : INetlinkReplyHandler
    {
        while (true)
        {
            var error = CollectDatagram(sequence, dump, ref handler, ref interrupted, out var done, cancellationToken);
            if (done || error.Failed) return error;
        }
    }

    /// <summary>
    /// Receives one datagram of replies to <paramref name="sequence"/> and hands its messages to <paramref name="handler"/>.
    /// <paramref name="done"/> is set when the kernel ended the request (NLMSG_DONE of a dump, NLMSG_ERROR or an ack):
    /// the socket is then free for the next request. A transport failure leaves it unset.
    /// </summary>
    private NetlinkError CollectDatagram<THandler>(uint sequence, bool dump, ref THandler handler, ref bool interrupted, out bool done,
        CancellationToken cancellationToken)
        where THandler : INetlinkReplyHandler
    {
        done = false;
        var error = ReceiveInto(cancellationToken, out var length);
        if (error.Errno == Errno.EMSGSIZE && dump)
        {
            // Part of the dump is lost: take the rest, then repeat the dump with the larger buffer.
            interrupted = true;
            return NetlinkError.None;
        }
        if (error.Failed) return error;
        var messages = new NetlinkMessageEnumerator(_receiveBuffer.AsSpan(0, length));
        while (messages.MoveNext())
        {
            var message = messages.Current;
            if (message.PortId != PortId || message.Sequence != sequence)
            {
                IgnoredMessages++;
                continue;
            }
            if ((message.Flags & NetlinkConstants.NLM_F_DUMP_INTR) != 0) interrupted = true;
            switch (message.Type)
            {
                case NetlinkConstants.NLMSG_ERROR:
                    done = true;
                    return NetlinkError.Parse(message);
                case NetlinkConstants.NLMSG_DONE:
                    if (dump)
                    {
                        done = true;
                        return DoneError(message);
                    }
                    IgnoredMessages++;
                    break;
                case NetlinkConstants.NLMSG_NOOP:
                    break;
                case NetlinkConstants.NLMSG_OVERRUN:
                    return new NetlinkError(Errno.EOVERFLOW, "the kernel reported lost netlink data (NLMSG_OVERRUN)");
                default:
                    handler.OnMessage(message);
                    break;
            }
        }
        return messages.Malformed ? new NetlinkError(Errno.EBADMSG, "malformed netlink message from the kernel") : NetlinkError.None;
    }

    private static NetlinkError DoneError(in NetlinkMessage done)
    {
        // NLMSG_DONE carries the dump's final status as an int; newer kernels may add ack TLVs after it.
        if (done.Payload.Length < 4) return NetlinkError.None;
        var errno = done.ErrorCode;
        if (errno == 0) return NetlinkError.None;
        string? text = null;
        if ((done.Flags & NetlinkConstants.NLM_F_ACK_TLVS) != 0)
        {
            foreach (var attribute in new NetlinkAttributeEnumerator(done.Payload[4..]))
                if (attribute.Type == NetlinkConstants.NLMSGERR_ATTR_MSG) text = attribute.GetString();
        }
        return new NetlinkError(errno, text);
    }

    /// <summary>Waits for a datagram (bounded by <see cref="Timeout"/>), sizes the buffer for it, and receives it.</summary>
    private NetlinkError ReceiveInto(CancellationToken cancellationToken, out int length)
    {
        Span<int> lengths = stackalloc int[1];
        var error = ReceiveDatagrams(lengths, cancellationToken, out _);
        length = error.Failed ? 0 : lengths[0];
        if (length <= _receiveBuffer.Length) return error;
        var lost = Lost(length);
        length = 0;
        return lost;
    }

    /// <summary>A datagram of <paramref name="length"/> bytes did not fit: the buffer is enlarged for the next one.</summary>
    private NetlinkError Lost(int length)
    {
        if (length > _receiveBuffer.Length) _receiveBuffer = new byte[Math.Max(length, _receiveBuffer.Length * 2)];
        return new NetlinkError(Errno.EMSGSIZE, $"a {length}-byte kernel datagram did not fit the receive buffer and was lost; the buffer was enlarged");
    }

    /// <summary>
    /// Waits for datagrams (bounded by <see cref="Timeout"/>) and takes up to one per element of
    /// <paramref name="lengths"/> in one recvmmsg, datagram k into slice k of the receive buffer (the buffer
    /// split in equal parts). <paramref name="lengths"/>[k] is the datagram's real length (MSG_TRUNC): larger
    /// than its slice when the rest of it was lost. A datagram a user process sent counts as empty.
    /// </summary>
    private NetlinkError ReceiveDatagrams(Span<int> lengths, CancellationToken cancellationToken, out int received)
    {
        received = 0;
        var slots = lengths.Length;
        var slotBytes = _receiveBuffer.Length / slots;
        var deadline = Environment.TickCount64 + (long)Timeout.TotalMilliseconds;
        // A connected socket hears only the kernel; else the sender of each datagram is checked.
        Span<Interop.SockAddrNetlink> senders = stackalloc Interop.SockAddrNetlink[slots];
        Span<Interop.IoVec> iovs = stackalloc Interop.IoVec[slots];
        Span<Interop.MMsgHdr> headers = stackalloc Interop.MMsgHdr[slots];
        while (true)
        {
            fixed (byte* buffer = _receiveBuffer)
            fixed (Interop.SockAddrNetlink* sender = senders)
            fixed (Interop.IoVec* iov = iovs)
            fixed (Interop.MMsgHdr* header = headers)
            {
                for (var k = 0; k < slots; k++)
                {
                    iov[k] = new Interop.IoVec { Base = buffer + k * slotBytes, Length = (nuint)slotBytes };
                    header[k] = new Interop.MMsgHdr
                    {
                        Header = _connected
                            ? new Interop.MsgHdr { Iov = iov + k, IovLength = 1 }
                            : new Interop.MsgHdr { Name = sender + k, NameLength = (uint)sizeof(Interop.SockAddrNetlink), Iov = iov + k, IovLength = 1 },
                    };
                }
                // MSG_TRUNC makes each length the datagram's real one, so a datagram larger than its slice is
                // detected (the kernel sizes dump datagrams to at most 32 KiB and GET replies to a page, unless
                // one object alone is larger). MSG_DONTWAIT applies to every datagram: what is queued is taken.
                received = Interop.recvmmsg(_handle, header, (uint)slots, Interop.MSG_DONTWAIT | Interop.MSG_TRUNC, null);
            }
            if (received < 0)
            {
                var error = WaitReadable(Marshal.GetLastPInvokeError(), deadline, cancellationToken);
                if (error.Failed) return error;
                continue;
            }
            var fromKernel = 0;
            for (var k = 0; k < received; k++)
            {
                if (!_connected && senders[k].PortId != 0)
                {
                    // Only the kernel speaks on this socket; a datagram from a user process is dropped whole.
                    IgnoredMessages++;
                    lengths[k] = 0;
                    continue;
                }
                lengths[k] = (int)headers[k].Length;
                fromKernel++;
            }
            if (fromKernel > 0) return NetlinkError.None;
        }
    }

    /// <summary>
    /// After a receive failed with <paramref name="errno"/>: None to try again (EINTR, or EAGAIN once the
    /// socket is readable or a poll slice has passed), else the failure (ETIMEDOUT past the deadline,
    /// ECANCELED when <see cref="Wake"/> was set).
    /// </summary>
    private NetlinkError WaitReadable(int errno, long deadline, CancellationToken cancellationToken)
    {
        if (errno == Errno.EINTR) return NetlinkError.None;
        if (errno != Errno.EAGAIN) return new NetlinkError(errno, "recvmmsg(netlink) failed");
        cancellationToken.ThrowIfCancellationRequested();
        var left = deadline - Environment.TickCount64;
        if (left <= 0) return new NetlinkError(Errno.ETIMEDOUT, $"the kernel did not answer within {Timeout.TotalSeconds:0.#} s");
        Span<Interop.PollFd> polls = stackalloc Interop.PollFd[2];
        polls[0] = new Interop.PollFd { Fd = (int)_handle.DangerousGetHandle(), Events = Interop.POLLIN };
        polls[1] = new Interop.PollFd { Fd = Wake is { } wake ? (int)wake.Handle.DangerousGetHandle() : -1, Events = Interop.POLLIN };
        if (Interop.poll(ref polls[0], 2, (int)Math.Min(left, PollSliceMs)) < 0 && Marshal.GetLastPInvokeError() != Errno.EINTR)
            return new NetlinkError(Marshal.GetLastPInvokeError(), "poll(netlink) failed");
        if ((polls[1].Revents & Interop.POLLIN) != 0) return new NetlinkError(Errno.ECANCELED, "the wait was woken to stop");
        return NetlinkError.None;
    }

    private uint Stamp(NetlinkMessageWriter writer, int index)
    {
        var sequence = unchecked(++_sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(writer.WrittenMutable[(writer.MessageOffset(index) + 8)..], sequence);
        return sequence;
    }

    private static void SetFlags(NetlinkMessageWriter writer, int index, ushort flags)
    {
        var at = writer.WrittenMutable[(writer.MessageOffset(index) + 6)..];
        BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(at) | flags));
    }

    private static int EndOf(NetlinkMessageWriter writer, int index) =>
        index + 1 < writer.MessageCount ? writer.MessageOffset(index + 1) : writer.Written.Length;

    /// <summary>The receive buffer the kernel granted (SO_RCVBUF reads back the doubled, accounted size).</summary>
    private int ReceiveBufferBytes()
    {
        var length = sizeof(int);
        return Interop.getsockopt(_handle, Interop.SOL_SOCKET, Interop.SO_RCVBUF, out int bytes, ref length) == 0 ? bytes : 212992;
    }

    private static bool SetOption(SafeNetlinkHandle handle, int level, int name, int value) =>
        Interop.setsockopt(handle, level, name, value, sizeof(int)) == 0;

    private static NetlinkException Failure(int errno, string what) => new(errno, $"{what}: {Errno.Name(errno)}");

    private struct NoReplies : INetlinkReplyHandler
    {
        public readonly void OnMessage(in NetlinkMessage message) { }
        public readonly void OnRestart() { }
    }

    private ref struct AckCollector(Span<NetlinkError> results, uint baseSequence)
    {
        private readonly Span<NetlinkError> _results = results;

        /// <summary>True once the last message of the chunk was answered (acknowledged or refused).</summary>
        public bool LastAnswered { get; private set; }

        public bool Accept(in NetlinkMessage ack)
        {
            var index = unchecked(ack.Sequence - baseSequence);
            if (index >= (uint)_results.Length) return false;
            _results[(int)index] = NetlinkError.Parse(ack);
            LastAnswered |= index == (uint)_results.Length - 1;
            return true;
        }
    }
}
