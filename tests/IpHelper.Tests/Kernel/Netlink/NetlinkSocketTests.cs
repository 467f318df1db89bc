using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Netlink;

/// <summary>
/// NetlinkSocket against the real kernel, always inside a throw-away network namespace
/// (iph-nl-&lt;random&gt;, deleted in Dispose): the host namespace is never touched. Needs root.
/// Only documentation addresses are used (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32).
/// </summary>
public sealed partial class NetlinkSocketTests
{
    private const byte AF_INET = 2, AF_INET6 = 10;
    private const ushort IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_F_NODAD = 0x02;
    private const ushort RTA_DST = 1, RTA_OIF = 4, RTA_PRIORITY = 6, RTA_TABLE = 15;
    private const byte RT_TABLE_MAIN = 254, RTPROT_STATIC = 4, RT_SCOPE_UNIVERSE = 0, RT_SCOPE_LINK = 253, RTN_UNICAST = 1;
    private const ushort CreateExclusive = NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_EXCL;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void RequireRoot()
    {
        if (Environment.UserName != "root") Assert.Skip("needs root: creates network namespaces and changes their links, addresses and routes");
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }

    // ---- dumps and requests ----

    [Fact]
    public void LinkDump_InAFreshNamespace_ReturnsLoAndTheCreatedLinks_LikeIp()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        ns.Ip("link", "add", "nl0", "type", "veth", "peer", "name", "nl1");
        using var socket = ns.OpenSocket();
        Assert.True(socket.StrictCheck);
        Assert.True(socket.ExtendedAck);
        Assert.NotEqual(0u, socket.PortId);

        using var writer = new NetlinkMessageWriter();
        LinkRequest.Dump(writer, withStatistics: true);
        var links = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Dump(writer, ref links, Ct));
        Assert.Equal(0, links.Undecodable);

        var oracle = JsonDocument.Parse(ns.Ip("-j", "link", "show")).RootElement.EnumerateArray()
            .Select(l => (l.GetProperty("ifindex").GetInt32(), l.GetProperty("ifname").GetString()!))
            .OrderBy(l => l.Item1).ToList();
        Assert.Equal(oracle, links.Links.OrderBy(l => l.Index).ToList());
        Assert.Equal(["lo", "nl0", "nl1"], links.Links.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, socket.DumpRestarts);
        Assert.Equal(0, socket.IgnoredMessages);
    }

    [Fact]
    public void LinkGet_ByIndexAndByName_ReturnsThatLink_AndAMissingIndexIsEnodev()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        ns.Ip("link", "add", "nl0", "type", "veth", "peer", "name", "nl1");
        var index = ns.IfIndex("nl1");
        using var socket = ns.OpenSocket();
        using var writer = new NetlinkMessageWriter();

        LinkRequest.Get(writer, index, null, withStatistics: false);
        var byIndex = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Execute(writer, ref byIndex, Ct));
        Assert.Equal([(index, "nl1")], byIndex.Links);

        writer.Clear();
        LinkRequest.Get(writer, 0, "nl0", withStatistics: false);
        var byName = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Execute(writer, ref byName, Ct));
        Assert.Equal([(ns.IfIndex("nl0"), "nl0")], byName.Links);

        writer.Clear();
        LinkRequest.Get(writer, 9999, null, withStatistics: false);
        var missing = new LinkCollector();
        var error = socket.Execute(writer, ref missing, Ct);
        Assert.Equal(Errno.ENODEV, error.Errno);
        Assert.Equal(NetIoStatus.FileNotFound, error.Status);
        Assert.Empty(missing.Links);
    }

    [Fact]
    public void Execute_InvalidRequests_ReturnTheKernelErrnoAndExtendedAck()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        using var socket = ns.OpenSocket();
        using var writer = new NetlinkMessageWriter();

        // RTM_NEWADDR 192.0.2.1/33 on lo.
        writer.BeginMessage(RtnlMessageType.RTM_NEWADDR, CreateExclusive);
        ref var ifa = ref writer.Header<IfAddrMsg>();
        ifa.Family = AF_INET;
        ifa.PrefixLength = 33;
        ifa.Index = 1;
        writer.Put(IFA_LOCAL, [192, 0, 2, 1]);
        writer.Put(IFA_ADDRESS, [192, 0, 2, 1]);
        writer.EndMessage();
        var error = socket.Execute(writer, Ct);
        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Equal("ipv4: Invalid prefix length", error.Message);
        Assert.Equal(NetIoStatus.InvalidParameter, error.Status);

        // A 2-byte RTA_DST: the kernel names the attribute by its offset in our request.
        writer.Clear();
        writer.BeginMessage(RtnlMessageType.RTM_NEWROUTE, CreateExclusive);
        RouteHeader(writer, AF_INET, 24, RT_SCOPE_LINK);
        var dstOffset = writer.Written.Length;
        writer.Put(RTA_DST, [192, 0]);
        writer.PutU32(RTA_OIF, 1);
        writer.EndMessage();
        error = socket.Execute(writer, Ct);
        Assert.Equal(Errno.ERANGE, error.Errno);
        Assert.Equal("Attribute failed policy validation", error.Message);
        Assert.Equal(dstOffset, error.AttributeOffset);

        // And a valid one succeeds and is there afterwards.
        writer.Clear();
        writer.BeginMessage(RtnlMessageType.RTM_NEWADDR, CreateExclusive);
        ifa = ref writer.Header<IfAddrMsg>();
        ifa.Family = AF_INET;
        ifa.PrefixLength = 24;
        ifa.Index = 1;
        writer.Put(IFA_LOCAL, [192, 0, 2, 1]);
        writer.EndMessage();
        Assert.Equal(NetlinkError.None, socket.Execute(writer, Ct));
        Assert.Contains("192.0.2.1", ns.Ip("-j", "addr", "show", "dev", "lo"));

        // The same again: EEXIST, because of NLM_F_EXCL.
        var again = socket.Execute(writer, Ct);
        Assert.Equal(Errno.EEXIST, again.Errno);
        Assert.Equal(NetIoStatus.ObjectAlreadyExists, again.Status);
    }

    [Fact]
    public void Dump_RejectedByStrictChecking_ReturnsTheErrnoAndTextOfNlmsgDone()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        using var socket = ns.OpenSocket();
        using var writer = new NetlinkMessageWriter();
        writer.BeginMessage(RtnlMessageType.RTM_GETADDR, 0);
        ref var ifa = ref writer.Header<IfAddrMsg>();
        ifa.Family = AF_INET;
        ifa.PrefixLength = 8; // a dump request must leave it 0
        writer.EndMessage();
        var collector = new CountingCollector();
        var error = socket.Dump(writer, ref collector, Ct);
        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Equal("ipv4: Invalid values in header for address dump request", error.Message);
        Assert.Equal(0, collector.Messages);
    }

    // ---- batches ----

    [Fact]
    public void ExecuteBatch_5000RouteAdds_GivesEachMessageItsOwnResult_AndOnlyTheGoodRoutesExist()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        ns.Ip("link", "add", "b0", "type", "veth", "peer", "name", "b1");
        ns.Ip("link", "set", "b0", "up");
        ns.Ip("link", "set", "b1", "up");
        var oif = ns.IfIndex("b0");

        const int Count = 5000;
        // Deliberately bad requests, at chunk edges (the socket sends 1024 per sendmsg) and at the end.
        var bad = new Dictionary<int, (Route Route, int Errno)>
        {
            [1023] = (GoodRoute(10, oif), Errno.EEXIST),                           // duplicate of #10 (IPv4)
            [1024] = (GoodRoute(1024, oif) with { Oif = 9999 }, Errno.ENODEV),     // IPv6, unknown oif
            [2500] = (GoodRoute(2000, oif), Errno.EEXIST),                         // duplicate of #2000 (IPv6)
            [3000] = (new Route(AF_INET, [192, 0, 2, 0], 33, oif), Errno.EINVAL),   // IPv4 /33: with an extack text
            [4999] = (new Route(AF_INET, [192, 0, 2, 0], 24, 9999), Errno.ENODEV),  // IPv4, unknown oif
        };

        using var batch = new NetlinkMessageWriter();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var route = bad.TryGetValue(i, out var b) ? b.Route : GoodRoute(i, oif);
            AddRoute(batch, route);
            if (!bad.ContainsKey(i)) expected.Add(route.Prefix);
        }
        Assert.Equal(Count, batch.MessageCount);

        using var socket = ns.OpenSocket();
        var results = new NetlinkError[Count];
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(NetlinkError.None, socket.ExecuteBatch(batch, results, Ct));
        Report($"ExecuteBatch: {Count} route adds in {stopwatch.ElapsedMilliseconds} ms, {bad.Count} bad ones");

        for (var i = 0; i < Count; i++)
        {
            var want = bad.TryGetValue(i, out var b) ? b.Errno : 0;
            Assert.True(want == results[i].Errno, $"message #{i}: {results[i]} (wanted errno {want})");
        }
        Assert.Contains("prefix length", results[3000].Message); // a batch keeps each message's extended ack
        Report($"batch message #3000: {results[3000]}");

        var actual = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in new[] { "-4", "-6" })
        {
            foreach (var route in JsonDocument.Parse(ns.Ip("-j", family, "route", "show")).RootElement.EnumerateArray())
            {
                var dst = route.GetProperty("dst").GetString()!;
                if (!IsDocumentation(dst)) continue;
                Assert.True(actual.Add(dst.Contains('/') ? dst : dst + "/32"), $"{dst} listed twice");
            }
        }
        Assert.Equal(Count - bad.Count, expected.Count);
        Assert.Empty(expected.Except(actual));
        Assert.Empty(actual.Except(expected));
    }

    /// <summary>
    /// Without CAP_NET_ADMIN in the initial user namespace (rootless containers, user namespaces) the 4 MiB
    /// receive buffer cannot be forced and SO_RCVBUF is capped at net.core.rmem_max (212992, 425984 after
    /// doubling). Each ack costs about 768 bytes of it, so ExecuteBatch must size its chunks from the buffer
    /// it was granted, or the kernel drops the surplus acks (ENOBUFS) although it applied every change.
    /// </summary>
    [Fact]
    public void ExecuteBatch_WithTheReceiveBufferOfAnUnprivilegedProcess_StillGetsEveryAck()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        ns.Ip("link", "add", "b0", "type", "veth", "peer", "name", "b1");
        ns.Ip("link", "set", "b0", "up");
        ns.Ip("link", "set", "b1", "up");
        var oif = ns.IfIndex("b0");
        using var socket = ns.OpenSocket();
        Assert.Equal(0, Interop.setsockopt(socket.Handle, Interop.SOL_SOCKET, Interop.SO_RCVBUF, 212992, sizeof(int)));

        using var batch = new NetlinkMessageWriter();
        for (var i = 0; i < 1024; i++) AddRoute(batch, GoodRoute(i, oif));
        var results = new NetlinkError[batch.MessageCount];
        var error = socket.ExecuteBatch(batch, results, Ct);
        Report($"1024 route adds with a 212992-byte SO_RCVBUF: {error}");
        Assert.Equal(NetlinkError.None, error);
        Assert.All(results, r => Assert.False(r.Failed, r.ToString()));
    }

    [Fact]
    public void ExecuteBatch_OfNothing_SendsNothingAndSucceeds()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        using var socket = ns.OpenSocket();
        using var batch = new NetlinkMessageWriter();
        Assert.Equal(NetlinkError.None, socket.ExecuteBatch(batch, [], Ct));
        Assert.Throws<ArgumentException>(() =>
        {
            using var one = new NetlinkMessageWriter();
            LinkRequest.Get(one, 1, null, false);
            socket.ExecuteBatch(one, [], Ct);
        });
    }

    // ---- timeouts, cancellation, stale and forged replies ----

    [Fact]
    public void Execute_OfARequestTheKernelNeverAnswers_TimesOut_AndTheSocketStillWorks()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        using var socket = ns.OpenSocket();
        socket.Timeout = TimeSpan.FromMilliseconds(200);
        using var writer = new NetlinkMessageWriter();
        LinkRequest.Get(writer, 1, null, withStatistics: false);
        // An nlmsg_len larger than the datagram: netlink_rcv_skb drops such a message silently,
        // without an error or an ack, even though NLM_F_ACK is set: nothing will ever answer.
        BinaryPrimitives.WriteUInt32LittleEndian(writer.WrittenMutable, 4096);

        var stopwatch = Stopwatch.StartNew();
        var error = socket.Execute(writer, Ct);
        stopwatch.Stop();
        Assert.Equal(Errno.ETIMEDOUT, error.Errno);
        Assert.Equal(NetIoStatus.Timeout, error.Status);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 190, 5000);

        writer.Clear();
        LinkRequest.Dump(writer, withStatistics: false);
        var links = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Dump(writer, ref links, Ct));
        Assert.Equal([(1, "lo")], links.Links);
    }

    [Fact]
    public void Execute_OfARequestTheKernelNeverAnswers_HonoursCancellation()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        using var socket = ns.OpenSocket();
        socket.Timeout = TimeSpan.FromSeconds(30);
        using var writer = new NetlinkMessageWriter();
        LinkRequest.Get(writer, 1, null, withStatistics: false);
        BinaryPrimitives.WriteUInt32LittleEndian(writer.WrittenMutable, 4096);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var stopwatch = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => socket.Execute(writer, cancellation.Token));
        Assert.InRange(stopwatch.ElapsedMilliseconds, 100, 5000);
    }

    [Fact]
    public void Dump_AfterAStaleReplyOfAnotherSequenceNumber_IgnoresIt()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        using var socket = ns.OpenSocket();
        using var writer = new NetlinkMessageWriter();

        // A request of our own port with a sequence number the socket does not use next, as if a
        // previous request had been abandoned: its reply and ack are waiting in the queue.
        const uint StaleSequence = 7;
        LinkRequest.Get(writer, 1, null, withStatistics: false);
        var raw = writer.WrittenMutable;
        BinaryPrimitives.WriteUInt16LittleEndian(raw[6..], NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK);
        BinaryPrimitives.WriteUInt32LittleEndian(raw[8..], StaleSequence);
        Assert.Equal(NetlinkError.None, socket.Send(writer.Written));

        writer.Clear();
        LinkRequest.Dump(writer, withStatistics: false);
        var links = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Dump(writer, ref links, Ct));
        Assert.DoesNotContain(StaleSequence, links.Sequences);
        Assert.Equal([(1, "lo")], links.Links);
        Assert.Equal(2, socket.IgnoredMessages); // the stale RTM_NEWLINK and its ack
    }

    [Fact]
    public void Dump_WithForgedRepliesFromAnotherSocket_IsUnaffected_AndCountsThemIgnored()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        ns.Ip("link", "add", "nl0", "type", "veth", "peer", "name", "nl1");
        using var socket = ns.OpenSocket();
        using var attacker = ns.OpenSocket(); // a plain user socket in the same namespace
        using var writer = new NetlinkMessageWriter();

        LinkRequest.Dump(writer, withStatistics: false);
        var first = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Dump(writer, ref first, Ct));
        var next = first.Sequences.Max() + 1; // the socket numbers its requests one by one
        Assert.Equal(0, socket.IgnoredMessages);

        // Forgeries with our port id and the very sequence number the next dump will use: an error
        // that would end it, a link that does not exist, and a premature NLMSG_DONE.
        using var forged = new NetlinkMessageWriter();
        forged.BeginMessage(NetlinkConstants.NLMSG_ERROR, NetlinkConstants.NLM_F_CAPPED);
        ref var nlmsgerr = ref forged.Header<NlMsgErr>();
        nlmsgerr.Error = -Errno.EPERM;
        nlmsgerr.Length = 40;
        nlmsgerr.Type = RtnlMessageType.RTM_GETLINK;
        nlmsgerr.Sequence = next;
        forged.EndMessage();
        forged.BeginMessage(RtnlMessageType.RTM_NEWLINK, NetlinkConstants.NLM_F_MULTI);
        forged.Header<IfInfoMsg>().Index = 99;
        forged.PutString(LinkConstants.IFLA_IFNAME, "forged0");
        forged.EndMessage();
        forged.BeginMessage(NetlinkConstants.NLMSG_DONE, NetlinkConstants.NLM_F_MULTI);
        forged.Header<int>() = 0;
        forged.EndMessage();
        for (var i = 0; i < forged.MessageCount; i++)
        {
            var at = forged.WrittenMutable[forged.MessageOffset(i)..];
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], next);
            BinaryPrimitives.WriteUInt32LittleEndian(at[12..], socket.PortId);
        }
        SendTo(attacker, socket.PortId, forged.Written);   // all three in one datagram
        SendTo(attacker, socket.PortId, forged.Written[forged.MessageOffset(1)..]);
        Assert.Equal(0, socket.IgnoredMessages);

        var second = new LinkCollector();
        Assert.Equal(NetlinkError.None, socket.Dump(writer, ref second, Ct));
        Assert.Equal([next], second.Sequences.Distinct());
        Assert.Equal(first.Links, second.Links);
        Assert.DoesNotContain(second.Links, l => l.Name == "forged0");
        Assert.Equal(2, socket.IgnoredMessages); // each forged datagram is dropped whole
    }

    // ---- NLM_F_DUMP_INTR ----

    [Fact]
    public void RouteDump_WhileRoutesChurn_HasEveryStableRouteOnce_AndReportsRestarts()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        ns.Ip("link", "add", "c0", "type", "veth", "peer", "name", "c1");
        ns.Ip("link", "set", "c0", "up");
        ns.Ip("link", "set", "c1", "up");
        var oif = ns.IfIndex("c0");

        // 2048 stable routes (198.51.100.0/24 host routes, metrics 1-8) that every dump must hold once.
        using var socket = ns.OpenSocket();
        using var stableBatch = new NetlinkMessageWriter();
        var stable = new HashSet<string>(StringComparer.Ordinal);
        for (var metric = 1u; metric <= 8; metric++)
            for (var host = 0; host < 256; host++)
            {
                var route = new Route(AF_INET, [198, 51, 100, (byte)host], 32, oif, metric);
                AddRoute(stableBatch, route);
                stable.Add(route.Key);
            }
        var stableResults = new NetlinkError[stableBatch.MessageCount];
        Assert.Equal(NetlinkError.None, socket.ExecuteBatch(stableBatch, stableResults, Ct));
        Assert.All(stableResults, r => Assert.False(r.Failed, r.ToString()));

        // The churn: 1024 routes (203.0.113.0/24, metrics 1-4) added and deleted over and over.
        using var churnAdd = new NetlinkMessageWriter();
        using var churnDelete = new NetlinkMessageWriter();
        var churnKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var metric = 1u; metric <= 4; metric++)
            for (var host = 0; host < 256; host++)
            {
                var route = new Route(AF_INET, [203, 0, 113, (byte)host], 32, oif, metric);
                AddRoute(churnAdd, route);
                DeleteRoute(churnDelete, route);
                churnKeys.Add(route.Key);
            }

        var churnDuplicates = 0;
        var (dumps, restarts, rounds) = DumpWhileChurning(ns, socket, churnAdd, churnDelete, maxDumps: 60, TimeSpan.FromSeconds(8),
            () =>
            {
                var w = new NetlinkMessageWriter();
                w.BeginMessage(RtnlMessageType.RTM_GETROUTE, 0);
                w.Header<RtMsg>().Family = AF_INET;
                w.EndMessage();
                return w;
            },
            () => new RouteCollector(),
            (RouteCollector c, int dump) =>
            {
                Assert.Equal(0, c.Torn);
                // Within one destination address (one trie leaf: here the four metrics of a churned host
                // route) the kernel resumes by position, so a churned route may come twice; a stable one never.
                var duplicates = c.Keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                var stableDuplicates = duplicates.Where(k => !churnKeys.Contains(k)).ToList();
                Assert.True(stableDuplicates.Count == 0, $"dump {dump}: duplicates {string.Join(", ", stableDuplicates.Take(5))}");
                churnDuplicates += duplicates.Count;
                var seen = c.Keys.ToHashSet(StringComparer.Ordinal);
                Assert.True(stable.IsSubsetOf(seen), $"dump {dump}: {stable.Except(seen).Count()} stable routes missing");
                var unknown = seen.Where(k => !stable.Contains(k) && !churnKeys.Contains(k) && IsDocumentation(k)).ToList();
                Assert.True(unknown.Count == 0, $"dump {dump}: routes nobody added: {string.Join(", ", unknown.Take(5))}");
            });
        // IPv4 route dumps (inet_dump_fib) resume by key and do not call nl_dump_check_consistent, so the
        // kernel may never flag them NLM_F_DUMP_INTR: the restart count is reported, not asserted.
        Report($"route dumps under churn: {dumps} dumps, {restarts} DUMP_INTR restarts, {churnDuplicates} churned routes sent twice, {rounds} churn batches");
        Assert.True(dumps > 0);
    }

    [Fact]
    public void AddressDump_WhileAddressesChurn_IsRestartedOnDumpIntr_AndEachCompletedDumpIsConsistent()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        var devices = new List<int>();
        foreach (var (a, b) in new[] { ("a0", "a1"), ("a2", "a3") })
        {
            ns.Ip("link", "add", a, "type", "veth", "peer", "name", b);
            ns.Ip("link", "set", a, "up");
            ns.Ip("link", "set", b, "up");
            devices.Add(ns.IfIndex(a));
            devices.Add(ns.IfIndex(b));
        }

        // 2048 stable addresses (192.0.2.0/24 and 198.51.100.0/24 as /32s on each of 4 devices: an
        // address may repeat on another device), added before the churn, so the churn's addresses are
        // appended after them on each device's list.
        using var socket = ns.OpenSocket();
        using var stableBatch = new NetlinkMessageWriter();
        var stable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in devices)
            foreach (var net in new byte[][] { [192, 0, 2], [198, 51, 100] })
                for (var host = 0; host < 256; host++)
                {
                    byte[] address = [net[0], net[1], net[2], (byte)host];
                    AddAddress(stableBatch, device, address);
                    stable.Add($"{device} {new IPAddress(address)}");
                }
        var stableResults = new NetlinkError[stableBatch.MessageCount];
        Assert.Equal(NetlinkError.None, socket.ExecuteBatch(stableBatch, stableResults, Ct));
        Assert.All(stableResults, r => Assert.False(r.Failed, r.ToString()));

        // The churn: 203.0.113.0/24 as /32s on two of the devices, added and deleted over and over.
        using var churnAdd = new NetlinkMessageWriter();
        using var churnDelete = new NetlinkMessageWriter();
        var churnKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in devices.Take(2))
            for (var host = 0; host < 256; host++)
            {
                byte[] address = [203, 0, 113, (byte)host];
                AddAddress(churnAdd, device, address);
                DeleteAddress(churnDelete, device, address);
                churnKeys.Add($"{device} {new IPAddress(address)}");
            }

        var (dumps, restarts, rounds) = DumpWhileChurning(ns, socket, churnAdd, churnDelete, maxDumps: 300, TimeSpan.FromSeconds(15),
            () =>
            {
                var w = new NetlinkMessageWriter();
                w.BeginMessage(RtnlMessageType.RTM_GETADDR, 0);
                w.Header<IfAddrMsg>().Family = AF_INET;
                w.EndMessage();
                return w;
            },
            () => new AddressCollector(),
            (AddressCollector c, int dump) =>
            {
                Assert.Equal(0, c.Torn);
                var duplicates = c.Addresses.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                Assert.True(duplicates.Count == 0, $"dump {dump}: {duplicates.Count} duplicates {string.Join(", ", duplicates.Take(5))}; restarts {c.Restarts}, intr-flagged {c.IntrFlagged}, total {c.Addresses.Count}");
                var seen = c.Addresses.ToHashSet(StringComparer.Ordinal);
                Assert.True(stable.IsSubsetOf(seen), $"dump {dump}: {stable.Except(seen).Count()} stable addresses missing");
                var unknown = seen.Where(a => !stable.Contains(a) && !churnKeys.Contains(a)).ToList();
                Assert.True(unknown.Count == 0, $"dump {dump}: addresses nobody added: {string.Join(", ", unknown.Take(5))}");
            },
            stopAfterRestarts: 3);
        Report($"address dumps under churn: {dumps} consistent dumps, {restarts} DUMP_INTR restarts, {rounds} churn batches");
        Assert.True(restarts > 0, $"no NLM_F_DUMP_INTR in {dumps} dumps under churn");
    }

    [Fact]
    public void Ipv6AddressDump_WhileAddressesChurn_IsNeverTorn_AndReportsWhatTheKernelDoesNotFlag()
    {
        RequireRoot();
        using var ns = new TestNamespace();
        ns.Ip("link", "add", "a0", "type", "veth", "peer", "name", "a1");
        ns.Ip("link", "set", "a0", "up");
        ns.Ip("link", "set", "a1", "up");
        var index = ns.IfIndex("a0");

        using var socket = ns.OpenSocket();
        using var stableBatch = new NetlinkMessageWriter();
        var stable = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= 1500; i++)
        {
            var address = Ipv6(0x0001, i);
            AddAddress(stableBatch, index, address);
            stable.Add($"{index} {new IPAddress(address)}");
        }
        var stableResults = new NetlinkError[stableBatch.MessageCount];
        Assert.Equal(NetlinkError.None, socket.ExecuteBatch(stableBatch, stableResults, Ct));
        Assert.All(stableResults, r => Assert.False(r.Failed, r.ToString()));

        using var churnAdd = new NetlinkMessageWriter();
        using var churnDelete = new NetlinkMessageWriter();
        for (var i = 1; i <= 256; i++)
        {
            var address = Ipv6(0x0002, i);
            AddAddress(churnAdd, index, address);
            DeleteAddress(churnDelete, index, address);
        }

        int withDuplicates = 0, withMissing = 0;
        var (dumps, restarts, rounds) = DumpWhileChurning(ns, socket, churnAdd, churnDelete, maxDumps: 100, TimeSpan.FromSeconds(10),
            () =>
            {
                var w = new NetlinkMessageWriter();
                w.BeginMessage(RtnlMessageType.RTM_GETADDR, 0);
                w.Header<IfAddrMsg>().Family = AF_INET6;
                w.EndMessage();
                return w;
            },
            () => new AddressCollector(),
            (AddressCollector c, int dump) =>
            {
                Assert.Equal(0, c.Torn);
                if (c.Addresses.Count != c.Addresses.Distinct(StringComparer.Ordinal).Count()) withDuplicates++;
                if (!stable.IsSubsetOf(c.Addresses)) withMissing++;
            });
        // IPv6 keeps each device's addresses in a list that new global addresses enter at the front, and
        // the dump resumes by position, so a change between two datagrams repeats or skips addresses;
        // this kernel (6.18) flags only some of those dumps NLM_F_DUMP_INTR. The library cannot see the
        // rest: callers of IPv6 address dumps must tolerate (deduplicate) repeats.
        Report($"IPv6 address dumps under churn: {dumps} completed, {restarts} DUMP_INTR restarts, {rounds} churn batches; " +
               $"unflagged by the kernel: {withDuplicates} with repeated and {withMissing} with skipped stable addresses");
        Assert.True(dumps > 0);
    }

    /// <summary>
    /// Runs dumps on <paramref name="socket"/> while another socket in the namespace alternately
    /// sends <paramref name="churnAdd"/> and <paramref name="churnDelete"/>; checks every completed dump.
    /// </summary>
    private static (int Dumps, long Restarts, long ChurnRounds) DumpWhileChurning<TCollector>(
        TestNamespace ns, NetlinkSocket socket, NetlinkMessageWriter churnAdd, NetlinkMessageWriter churnDelete,
        int maxDumps, TimeSpan budget, Func<NetlinkMessageWriter> request, Func<TCollector> collector,
        Action<TCollector, int> check, int stopAfterRestarts = int.MaxValue, int minDumps = 20)
        where TCollector : class, INetlinkReplyHandler, IRestartCounting
    {
        using var churnSocket = ns.OpenSocket();
        var stop = 0;
        long churnRounds = 0;
        Exception? churnError = null;
        var cancellation = Ct;
        var churn = new Thread(() =>
        {
            try
            {
                var results = new NetlinkError[churnAdd.MessageCount];
                while (Volatile.Read(ref stop) == 0)
                {
                    var error = churnSocket.ExecuteBatch(churnAdd, results, cancellation);
                    if (error.Failed) throw new InvalidOperationException($"churn add: {error}");
                    error = churnSocket.ExecuteBatch(churnDelete, results, cancellation);
                    if (error.Failed) throw new InvalidOperationException($"churn delete: {error}");
                    Interlocked.Increment(ref churnRounds);
                }
            }
            catch (Exception e)
            {
                churnError = e;
            }
        }) { IsBackground = true, Name = "netlink churn" };

        var dumps = 0;
        var restartsBefore = socket.DumpRestarts;
        churn.Start();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            using var writer = request();
            while (dumps < maxDumps && stopwatch.Elapsed < budget
                   && (dumps < minDumps || socket.DumpRestarts - restartsBefore < stopAfterRestarts))
            {
                var c = collector();
                var restartsSoFar = socket.DumpRestarts;
                var error = socket.Dump(writer, ref c, Ct);
                // Sixteen interrupted attempts in a row is possible under heavy churn: that is EINTR, not a tear.
                if (error.Errno == Errno.EINTR) continue;
                Assert.True(!error.Failed, $"dump {dumps}: {error}");
                // The handler heard of every repetition, so it forgot what the interrupted attempts gave it.
                Assert.Equal(socket.DumpRestarts - restartsSoFar, c.Restarts);
                check(c, dumps);
                dumps++;
            }
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            churn.Join();
        }
        if (churnError is not null) ExceptionDispatchInfo.Throw(churnError);
        Assert.True(Interlocked.Read(ref churnRounds) > 0, "the churn thread did not complete a round");
        return (dumps, socket.DumpRestarts - restartsBefore, churnRounds);
    }

    // ---- request builders ----

    private readonly record struct Route(byte Family, byte[] Destination, byte Length, int Oif, uint Metric = 0)
    {
        public string Prefix => $"{new IPAddress(Destination)}/{Length}";
        public string Key => $"{Prefix} oif {Oif} metric {Metric}";
    }

    /// <summary>Message #i of the batch: 768 IPv4 host routes in the three documentation /24s, then IPv6 /64s.</summary>
    private static Route GoodRoute(int i, int oif) => i switch
    {
        < 256 => new Route(AF_INET, [192, 0, 2, (byte)i], 32, oif),
        < 512 => new Route(AF_INET, [198, 51, 100, (byte)(i - 256)], 32, oif),
        < 768 => new Route(AF_INET, [203, 0, 113, (byte)(i - 512)], 32, oif),
        _ => new Route(AF_INET6, Ipv6Prefix(i), 64, oif),
    };

    private static byte[] Ipv6Prefix(int i)
    {
        var bytes = new byte[16];
        bytes[0] = 0x20; bytes[1] = 0x01; bytes[2] = 0x0d; bytes[3] = 0xb8;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), (ushort)i);
        return bytes;
    }

    /// <summary>2001:db8:&lt;subnet&gt;::&lt;host&gt;.</summary>
    private static byte[] Ipv6(int subnet, int host)
    {
        var bytes = Ipv6Prefix(subnet);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(14), (ushort)host);
        return bytes;
    }

    private static bool IsDocumentation(string prefixOrKey) =>
        prefixOrKey.StartsWith("192.0.2.", StringComparison.Ordinal) || prefixOrKey.StartsWith("198.51.100.", StringComparison.Ordinal)
        || prefixOrKey.StartsWith("203.0.113.", StringComparison.Ordinal) || prefixOrKey.StartsWith("2001:db8:", StringComparison.Ordinal);

    private static void RouteHeader(NetlinkMessageWriter writer, byte family, byte length, byte scope)
    {
        ref var rtm = ref writer.Header<RtMsg>();
        rtm.Family = family;
        rtm.DstLength = length;
        rtm.Table = RT_TABLE_MAIN;
        rtm.Protocol = RTPROT_STATIC;
        rtm.Scope = scope;
        rtm.Type = RTN_UNICAST;
    }

    private static void AddRoute(NetlinkMessageWriter writer, Route route) => WriteRoute(writer, RtnlMessageType.RTM_NEWROUTE, CreateExclusive, route);

    private static void DeleteRoute(NetlinkMessageWriter writer, Route route) => WriteRoute(writer, RtnlMessageType.RTM_DELROUTE, 0, route);

    private static void WriteRoute(NetlinkMessageWriter writer, ushort type, ushort flags, Route route)
    {
        writer.BeginMessage(type, flags);
        RouteHeader(writer, route.Family, route.Length, route.Family == AF_INET ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE);
        writer.Put(RTA_DST, route.Destination);
        writer.PutU32(RTA_OIF, (uint)route.Oif);
        if (route.Metric != 0) writer.PutU32(RTA_PRIORITY, route.Metric);
        writer.EndMessage();
    }

    private static void AddAddress(NetlinkMessageWriter writer, int index, byte[] address) =>
        WriteAddress(writer, RtnlMessageType.RTM_NEWADDR, CreateExclusive, index, address);

    private static void DeleteAddress(NetlinkMessageWriter writer, int index, byte[] address) =>
        WriteAddress(writer, RtnlMessageType.RTM_DELADDR, 0, index, address);

    private static void WriteAddress(NetlinkMessageWriter writer, ushort type, ushort flags, int index, byte[] address)
    {
        writer.BeginMessage(type, flags);
        ref var ifa = ref writer.Header<IfAddrMsg>();
        ifa.Family = address.Length == 4 ? AF_INET : AF_INET6;
        ifa.PrefixLength = (byte)(address.Length * 8);
        ifa.Flags = address.Length == 4 ? (byte)0 : (byte)IFA_F_NODAD;
        ifa.Index = index;
        writer.Put(IFA_LOCAL, address);
        writer.Put(IFA_ADDRESS, address);
        writer.EndMessage();
    }

    private static void SendTo(NetlinkSocket from, uint portId, ReadOnlySpan<byte> datagram)
    {
        var to = new Interop.SockAddrNetlink { Family = Interop.AF_NETLINK, PortId = portId };
        unsafe
        {
            fixed (byte* p = datagram)
            {
                var sent = Interop.sendto(from.Handle, p, (nuint)datagram.Length, 0, to, sizeof(Interop.SockAddrNetlink));
                Assert.True(sent == datagram.Length, $"sendto(port {portId}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    // ---- reply collectors ----

    private interface IRestartCounting
    {
        int Restarts { get; }
    }

    private sealed class CountingCollector : INetlinkReplyHandler
    {
        public int Messages;
        public void OnMessage(in NetlinkMessage message) => Messages++;
        public void OnRestart() => Messages = 0;
    }

    private sealed class LinkCollector : INetlinkReplyHandler
    {
        public List<(int Index, string Name)> Links { get; } = [];
        public List<uint> Sequences { get; } = [];
        public int Undecodable;

        public void OnMessage(in NetlinkMessage message)
        {
            Sequences.Add(message.Sequence);
            if (LinkMessage.TryDecode(message, out var link)) Links.Add((link.Index, Encoding.UTF8.GetString(link.Name)));
            else Undecodable++;
        }

        public void OnRestart()
        {
            Links.Clear();
            Undecodable = 0;
        }
    }

    private sealed class RouteCollector : INetlinkReplyHandler, IRestartCounting
    {
        public List<string> Keys { get; } = [];
        public int Torn;
        public int Restarts { get; private set; }

        public void OnMessage(in NetlinkMessage message)
        {
            if (message.Type != RtnlMessageType.RTM_NEWROUTE || !message.TryReadHeader(out RtMsg rtm)) { Torn++; return; }
            byte[] dst = [];
            uint oif = 0, metric = 0, table = rtm.Table;
            var attributes = message.Attributes(12);
            while (attributes.MoveNext())
            {
                var a = attributes.Current;
                switch (a.Type)
                {
                    case RTA_DST: dst = a.Value.ToArray(); break;
                    case RTA_OIF: a.TryGetU32(out oif); break;
                    case RTA_PRIORITY: a.TryGetU32(out metric); break;
                    case RTA_TABLE: a.TryGetU32(out table); break;
                }
            }
            if (attributes.Malformed || (dst.Length != 0 && dst.Length != (rtm.Family == AF_INET ? 4 : 16))) { Torn++; return; }
            if (dst.Length == 0 || table != RT_TABLE_MAIN) return; // default and local-table routes are the kernel's
            Keys.Add(new Route(rtm.Family, dst, rtm.DstLength, (int)oif, metric).Key);
        }

        public void OnRestart()
        {
            Keys.Clear();
            Torn = 0;
            Restarts++;
        }
    }

    private sealed class AddressCollector : INetlinkReplyHandler, IRestartCounting
    {
        public int IntrFlagged;
        public List<string> Addresses { get; } = [];
        public int Torn;
        public int Restarts { get; private set; }

        public void OnMessage(in NetlinkMessage message)
        {
            if ((message.Flags & NetlinkConstants.NLM_F_DUMP_INTR) != 0) IntrFlagged++;
            if (message.Type != RtnlMessageType.RTM_NEWADDR || !message.TryReadHeader(out IfAddrMsg ifa)) { Torn++; return; }
            var size = ifa.Family == AF_INET ? 4 : 16;
            string? address = null;
            var attributes = message.Attributes(8);
            while (attributes.MoveNext())
                if (attributes.Current.Type == IFA_LOCAL || (attributes.Current.Type == IFA_ADDRESS && address is null))
                    address = attributes.Current.Value.Length == size ? new IPAddress(attributes.Current.Value).ToString() : "torn";
            if (attributes.Malformed || address is null or "torn") { Torn++; return; }
            Addresses.Add($"{ifa.Index} {address}");
        }

        public void OnRestart()
        {
            Addresses.Clear();
            Torn = 0;
            Restarts++;
        }
    }

    // ---- kernel structs ----

    /// <summary>struct ifaddrmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct IfAddrMsg
    {
        public byte Family, PrefixLength, Flags, Scope;
        public int Index;
    }

    /// <summary>struct nlmsgerr with NETLINK_CAP_ACK: the error and the echoed request header.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NlMsgErr
    {
        public int Error;
        public uint Length;
        public ushort Type, Flags;
        public uint Sequence, PortId;
    }

    /// <summary>struct rtmsg.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RtMsg
    {
        public byte Family, DstLength, SrcLength, Tos, Table, Protocol, Scope, Type;
        public uint Flags;
    }

    // ---- the namespace ----

    /// <summary>
    /// A network namespace of our own (a <see cref="TestNetns"/>, deleted on Dispose and at exit). Sockets
    /// for it are opened on a dedicated thread that setns()es into it first (not through the library's
    /// scope, which these tests check from below): a socket keeps the namespace it was created in,
    /// whatever thread uses it later.
    /// </summary>
    private sealed class TestNamespace : IDisposable
    {
        private readonly TestNetns _ns = new();

        /// <summary>Takes lo back to the state of a new namespace (down, no address): the dumps here expect only their own objects.</summary>
        public TestNamespace()
        {
            try
            {
                Ip("link", "set", "lo", "down");
                Ip("address", "flush", "dev", "lo");
            }
            catch
            {
                _ns.Dispose();
                throw;
            }
        }

        public string Name => _ns.Name;

        public string Ip(params string[] args) => Run("ip", ["-n", Name, .. args]);

        public int IfIndex(string name) =>
            JsonDocument.Parse(Ip("-j", "link", "show", "dev", name)).RootElement[0].GetProperty("ifindex").GetInt32();

        public NetlinkSocket OpenSocket() => Inside(() => NetlinkSocket.Open());

        public T Inside<T>(Func<T> work)
        {
            T result = default!;
            ExceptionDispatchInfo? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    var self = Native.open("/proc/thread-self/ns/net", Native.O_RDONLY | Native.O_CLOEXEC);
                    if (self < 0) throw new InvalidOperationException($"open(own netns) failed: errno {Marshal.GetLastPInvokeError()}");
                    try
                    {
                        var target = Native.open($"/var/run/netns/{Name}", Native.O_RDONLY | Native.O_CLOEXEC);
                        if (target < 0) throw new InvalidOperationException($"open(netns {Name}) failed: errno {Marshal.GetLastPInvokeError()}");
                        try
                        {
                            if (Native.setns(target, Native.CLONE_NEWNET) != 0)
                                throw new InvalidOperationException($"setns({Name}) failed: errno {Marshal.GetLastPInvokeError()}");
                        }
                        finally
                        {
                            _ = Native.close(target);
                        }
                        try
                        {
                            result = work();
                        }
                        finally
                        {
                            // The thread ends right after, but go back anyway.
                            _ = Native.setns(self, Native.CLONE_NEWNET);
                        }
                    }
                    finally
                    {
                        _ = Native.close(self);
                    }
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            }) { Name = $"netns {Name}" };
            thread.Start();
            thread.Join();
            failure?.Throw();
            return result;
        }

        public void Dispose() => _ns.Dispose();

        private static string Run(string file, string[] args)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{file} {string.Join(' ', args)}: exit {process.ExitCode}: {stderr.Result.Trim()}");
            return stdout;
        }
    }

    private static partial class Native
    {
        public const int O_RDONLY = 0, O_CLOEXEC = 0x80000, CLONE_NEWNET = 0x40000000;

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial int open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        public static partial int close(int fd);

        [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
        public static partial int setns(int fd, int nstype);
    }
}
