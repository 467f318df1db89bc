using System.Buffers.Binary;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using Xunit;

namespace IpHelper.Tests.Kernel.Netlink;

/// <summary>NetlinkSocket.Query (several GETs in one sendmsg, no acks) against the real kernel, in a throw-away namespace.</summary>
public sealed partial class NetlinkSocketTests
{
    [Fact]
    public void Query_TwoRouteLookups_AnswersEachInItsSlot_AndAnUnreachableOneWithItsErrno()
    {
        RequireRoot();
        using var ns = NamespaceWith192021();
        using var socket = ns.OpenSocket();
        using var writer = new NetlinkMessageWriter();
        RouteRequest.Get(writer, AF_INET, [192, 0, 2, 9], default, 0, 0);
        RouteRequest.Get(writer, AF_INET, [203, 0, 113, 9], default, 0, 0);
        var replies = new QueryCollector();
        var results = new NetlinkError[2];

        Assert.Equal(NetlinkError.None, socket.Query(writer, results, ref replies, Ct));

        Assert.False(results[0].Failed);
        Assert.Equal([0], replies.Requests);
        Assert.Equal(Errno.ENETUNREACH, results[1].Errno);
        Assert.Equal(0, socket.IgnoredMessages);
    }

    [Fact]
    public void Query_WithAStaleReplyAndAForgedErrorForItsSequence_TakesOnlyTheKernelsAnswer()
    {
        RequireRoot();
        using var ns = NamespaceWith192021();
        using var socket = ns.OpenSocket();
        using var attacker = ns.OpenSocket();
        using var writer = new NetlinkMessageWriter();
        LinkRequest.Dump(writer, withStatistics: false);
        var links = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Dump(writer, ref links, Ct));
        var next = links.Sequences.Max() + 1;

        // A stale lookup of an abandoned request (its answer waits in the queue), then a forged error
        // with our port id and the sequence number the query will use, sent by another socket.
        writer.Clear();
        RouteRequest.Get(writer, AF_INET, [192, 0, 2, 77], default, 0, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(writer.WrittenMutable[8..], 7);
        Assert.Equal(NetlinkError.None, socket.Send(writer.Written));
        using var forged = new NetlinkMessageWriter();
        forged.BeginMessage(NetlinkConstants.NLMSG_ERROR, NetlinkConstants.NLM_F_CAPPED);
        ref var error = ref forged.Header<NlMsgErr>();
        error.Error = -Errno.EPERM;
        error.Length = 36;
        error.Type = RtnlMessageType.RTM_GETROUTE;
        error.Sequence = next;
        forged.EndMessage();
        BinaryPrimitives.WriteUInt32LittleEndian(forged.WrittenMutable[8..], next);
        BinaryPrimitives.WriteUInt32LittleEndian(forged.WrittenMutable[12..], socket.PortId);
        SendTo(attacker, socket.PortId, forged.Written);

        writer.Clear();
        RouteRequest.Get(writer, AF_INET, [192, 0, 2, 9], default, 0, 0);
        var replies = new QueryCollector();
        var results = new NetlinkError[1];
        Assert.Equal(NetlinkError.None, socket.Query(writer, results, ref replies, Ct));

        Assert.False(results[0].Failed, results[0].ToString());
        Assert.Equal([0], replies.Requests);
        Assert.Equal(2, socket.IgnoredMessages); // the stale answer and the forged datagram
    }

    [Fact]
    public void Query_WithRepliesLargerThanTheirSliceOfTheBuffer_AsksForThemAgain_AndAnswersEach()
    {
        RequireRoot();
        using var ns = NamespaceWith192021();
        // 160 bytes: two slices of 80, and a plain lookup's answer (about 112 bytes) fits only the whole buffer.
        using var socket = ns.Inside(() => NetlinkSocket.Open(datagramBufferBytes: 160));
        using var writer = new NetlinkMessageWriter();
        RouteRequest.Get(writer, AF_INET, [192, 0, 2, 9], default, 0, 0);
        RouteRequest.Get(writer, AF_INET, [192, 0, 2, 10], default, 0, 0);
        var replies = new QueryCollector();
        var results = new NetlinkError[2];

        Assert.Equal(NetlinkError.None, socket.Query(writer, results, ref replies, Ct));

        Assert.False(results[0].Failed, results[0].ToString());
        Assert.False(results[1].Failed, results[1].ToString());
        Assert.Equal([0, 1], replies.Requests);
        Assert.Equal(0, socket.IgnoredMessages);
    }

    [Fact]
    public void Query_WithAReplyLargerThanTheWholeBuffer_EnlargesIt_AndAsksAgain()
    {
        RequireRoot();
        using var ns = NamespaceWith192021();
        using var socket = ns.Inside(() => NetlinkSocket.Open(datagramBufferBytes: 64));
        using var writer = new NetlinkMessageWriter();
        RouteRequest.Get(writer, AF_INET, [192, 0, 2, 9], default, 0, 0);
        var replies = new QueryCollector();
        var results = new NetlinkError[1];

        Assert.Equal(NetlinkError.None, socket.Query(writer, results, ref replies, Ct));

        Assert.False(results[0].Failed, results[0].ToString());
        Assert.Equal([0], replies.Requests);
        Assert.Equal(0, socket.IgnoredMessages);
    }

    /// <summary>A namespace whose veth nl0 is up with 192.0.2.1/24: 192.0.2.0/24 is reachable, nothing else.</summary>
    private static TestNamespace NamespaceWith192021()
    {
        var ns = new TestNamespace();
        ns.Ip("link", "add", "nl0", "type", "veth", "peer", "name", "nl1");
        ns.Ip("link", "set", "nl0", "up");
        ns.Ip("address", "add", "192.0.2.1/24", "dev", "nl0");
        return ns;
    }

    private sealed class QueryCollector : INetlinkQueryHandler
    {
        public List<int> Requests { get; } = [];

        public void OnMessage(int request, in NetlinkMessage message)
        {
            Assert.Equal(RtnlMessageType.RTM_NEWROUTE, message.Type);
            Requests.Add(request);
        }
    }
}
