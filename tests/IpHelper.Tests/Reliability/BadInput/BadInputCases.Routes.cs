using System.Net.Sockets;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private delegate void RouteChange(BadInputLab lab, ref MibIpForwardRow2 row);

    private static IEnumerable<BadInputCase> Routes()
    {
        yield return Read(nameof(NetIo.InitializeIpForwardEntry), "a row full of garbage gets the documented defaults", Success, _ =>
        {
            NetIo.InitializeIpForwardEntry(out var expected);
            var row = new MibIpForwardRow2 { InterfaceIndex = 9, Metric = 3, ValidLifetime = 1, Age = 4, NextHop = Family(99) };
            NetIo.InitializeIpForwardEntry(out row);
            AssertSameBytes(expected, row, "the row");
            Assert.Equal(uint.MaxValue, row.ValidLifetime);
            return Success;
        });
        foreach (var family in new[] { 99, -1, 1 })
            yield return Read(nameof(NetIo.GetIpForwardTable2), $"AF {family}", InvalidParameter, _ => Null(NetIo.GetIpForwardTable2((AddressFamily)family, out var table), table));
        foreach (var family in new[] { 99, -1, 1 })
            yield return Read(nameof(NetIo.EnumerateIpForwardTable2), $"AF {family}", InvalidParameter, _ => Null(NetIo.EnumerateIpForwardTable2((AddressFamily)family, out var rows), rows));

        // Keys every function that takes a route key refuses alike (InvalidRouteKeyTests covers more shapes).
        var badKeys = new (string Name, NetIoStatus Status, RouteChange Change)[]
        {
            ("prefix of AF 99", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => r.DestinationPrefix.Prefix = Family(99)),
            ("prefix of AF_UNSPEC", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => r.DestinationPrefix.Prefix = default),
            ("IPv4 prefix length 33", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => r.DestinationPrefix.PrefixLength = 33),
            ("IPv6 prefix length 129", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => (r.DestinationPrefix, r.NextHop) = (Prefix("2001:db8:5::", 129), Address("::"))),
            ("IPv6 prefix length 255", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => (r.DestinationPrefix, r.NextHop) = (Prefix("2001:db8:5::", 255), Address("::"))),
            ("host bits set (203.0.113.1/24)", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => r.DestinationPrefix = Prefix("203.0.113.1", 24)),
            ("host bits set (2001:db8:5::1/64)", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => (r.DestinationPrefix, r.NextHop) = (Prefix("2001:db8:5::1", 64), Address("::"))),
            ("next hop of the other family", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => r.NextHop = Address("2001:db8::ff")),
            ("next hop of AF 99", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => r.NextHop = Family(99)),
            ("zero LUID and index 0", InvalidParameter, (BadInputLab _, ref MibIpForwardRow2 r) => (r.InterfaceLuid, r.InterfaceIndex) = (default, 0)),
            ("deleted interface's index", FileNotFound, (BadInputLab lab, ref MibIpForwardRow2 r) => (r.InterfaceLuid, r.InterfaceIndex) = (default, lab.GoneIndex)),
            ("deleted interface's LUID with v0's index (the LUID wins)", FileNotFound, (BadInputLab lab, ref MibIpForwardRow2 r) => r.InterfaceLuid = lab.GoneLuid),
            ("unknown LUID", FileNotFound, (BadInputLab _, ref MibIpForwardRow2 r) => r.InterfaceLuid = UnknownLuid),
        };
        foreach (var (name, status, change) in badKeys)
        {
            yield return Read(nameof(NetIo.GetIpForwardEntry2), name, status, lab =>
            {
                var row = NewRoute(lab, change);
                var before = row;
                var result = NetIo.GetIpForwardEntry2(ref row);
                AssertSameBytes(before, row, "the row");
                return result;
            });
            // The writes answer NotFound for an unknown interface, as Microsoft documents; the reader FileNotFound.
            var writeStatus = status == FileNotFound ? NotFound : status;
            yield return Write(nameof(NetIo.CreateIpForwardEntry2), name, writeStatus, lab => NetIo.CreateIpForwardEntry2(NewRoute(lab, change)));
            yield return Write(nameof(NetIo.SetIpForwardEntry2), name, writeStatus, lab => NetIo.SetIpForwardEntry2(ExistingRoute(lab, change)));
            yield return Write(nameof(NetIo.DeleteIpForwardEntry2), name, writeStatus, lab => NetIo.DeleteIpForwardEntry2(ExistingRoute(lab, change)));
        }
        yield return Read(nameof(NetIo.GetIpForwardEntry2), "no such route", NotFound, lab =>
        {
            var row = NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 _) => { });
            return NetIo.GetIpForwardEntry2(ref row);
        });

        const string Create = nameof(NetIo.CreateIpForwardEntry2);
        yield return Write(Create, "PreferredLifetime above ValidLifetime", InvalidParameter, lab => NetIo.CreateIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) =>
            (r.DestinationPrefix, r.NextHop, r.ValidLifetime, r.PreferredLifetime) = (Prefix("2001:db8:5::", 64), Address("::"), 100, 200))));
        yield return Write(Create, "SitePrefixLength longer than the prefix", InvalidParameter, lab => NetIo.CreateIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => r.SitePrefixLength = 25)));
        yield return Write(Create, "Metric 0xFFFFFFFE (plus the interface metric 5 above 2^32-1)", InvalidParameter, lab => NetIo.CreateIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => r.Metric = uint.MaxValue - 1)));
        yield return Write(Create, "a next hop no route on the interface reaches", InvalidParameter, lab => NetIo.CreateIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => r.NextHop = Address("203.0.113.254"))));
        yield return Write(Create, "a finite ValidLifetime on an IPv4 route", NotSupported, lab => NetIo.CreateIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => (r.ValidLifetime, r.PreferredLifetime) = (100, 100))));
        yield return Write(Create, "the route exists", ObjectAlreadyExists, lab => NetIo.CreateIpForwardEntry2(ExistingRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 _) => { })));
        yield return Write(Create, "the route exists with another metric", ObjectAlreadyExists, lab => NetIo.CreateIpForwardEntry2(ExistingRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => r.Metric = 7)));
        yield return Write(Create, "a scope id on a global IPv6 next hop", InvalidParameter, lab => NetIo.CreateIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) =>
            (r.DestinationPrefix, r.NextHop) = (Prefix("2001:db8:5::", 64), Address("2001:db8::ff%99")))));

        const string Set = nameof(NetIo.SetIpForwardEntry2);
        yield return Write(Set, "no such route", NotFound, lab => NetIo.SetIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 _) => { })));
        yield return Write(Set, "PreferredLifetime above ValidLifetime", InvalidParameter, lab => NetIo.SetIpForwardEntry2(ExistingRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => (r.ValidLifetime, r.PreferredLifetime) = (100, 200))));
        yield return Write(Set, "a finite ValidLifetime on an IPv4 route", NotSupported, lab => NetIo.SetIpForwardEntry2(ExistingRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => (r.ValidLifetime, r.PreferredLifetime) = (100, 100))));
        yield return Write(Set, "Metric 0xFFFFFFFE (plus the interface metric 5 above 2^32-1)", InvalidParameter, lab => NetIo.SetIpForwardEntry2(ExistingRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => r.Metric = uint.MaxValue - 1)));
        yield return Write(Set, "a metric that makes the route identical to its twin of metric 50", ObjectAlreadyExists, lab =>
            NetIo.SetIpForwardEntry2(ExistingRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 r) => (r.DestinationPrefix, r.Metric) = (Prefix("203.0.113.128", 25), 50))));
        yield return Write(nameof(NetIo.DeleteIpForwardEntry2), "no such route", NotFound, lab => NetIo.DeleteIpForwardEntry2(NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 _) => { })));

        const string Batch = nameof(NetIo.CreateIpForwardEntries2);
        yield return Write(Batch, "fewer results than rows", InvalidParameter, lab =>
            NetIo.CreateIpForwardEntries2([NewRoute(lab, static (BadInputLab _, ref MibIpForwardRow2 _) => { })], Span<NetIoErrorDetail?>.Empty));
        var badBatchRows = badKeys.Concat(
        [
            ("the route exists with the same metric", ObjectAlreadyExists, static (BadInputLab _, ref MibIpForwardRow2 r) => r.DestinationPrefix = Prefix("198.51.100.0", 24)),
            ("a finite ValidLifetime on an IPv4 route", NotSupported, static (BadInputLab _, ref MibIpForwardRow2 r) => (r.ValidLifetime, r.PreferredLifetime) = (100, 100)),
        ]);
        foreach (var (name, readStatus, change) in badBatchRows)
        {
            var status = readStatus == FileNotFound ? NotFound : readStatus;
            yield return Write(Batch, $"every row bad: {name}", status, lab =>
            {
                var rows = new[] { NewRoute(lab, change), NewRoute(lab, change) };
                var results = new NetIoErrorDetail?[2];
                var result = NetIo.CreateIpForwardEntries2(rows, results);
                Assert.All(results, detail => Assert.Equal(status, detail?.Status));
                return result;
            });
        }

        const string Best = nameof(NetIo.GetBestRoute2);
        yield return Read(Best, "destination of AF 99", InvalidParameter, _ => BestRoute(null, 0, null, Family(99)));
        yield return Read(Best, "destination of AF_UNSPEC", InvalidParameter, _ => BestRoute(null, 0, null, default));
        yield return Read(Best, "a scope id on a global IPv6 destination", InvalidParameter, _ => BestRoute(null, 0, null, Address("2001:db8::5%2")));
        yield return Read(Best, "a scope id on a global IPv6 source", InvalidParameter, _ => BestRoute(null, 0, Address("2001:db8::1%2"), Address("2001:db8::5")));
        yield return Read(Best, "a link-local destination whose scope id names no interface", InvalidParameter, _ => BestRoute(null, 0, null, Address("fe80::5%999999")));
        yield return Read(Best, "a link-local destination whose scope id is another interface than the index", InvalidParameter, lab => BestRoute(null, lab.V0, null, Address($"fe80::5%{lab.V1}")));
        yield return Read(Best, "a loopback destination through v0", InvalidParameter, lab => BestRoute(null, lab.V0, null, Address("127.0.0.1")));
        yield return Read(Best, "deleted interface's index", FileNotFound, lab => BestRoute(null, lab.GoneIndex, null, Address("192.0.2.5")));
        yield return Read(Best, "index 0xFFFFFFFF", FileNotFound, _ => BestRoute(null, uint.MaxValue, null, Address("192.0.2.5")));
        yield return Read(Best, "deleted interface's LUID", NotFound, lab => BestRoute(lab.GoneLuid, 0, null, Address("192.0.2.5")));
        yield return Read(Best, "unknown LUID", NotFound, _ => BestRoute(UnknownLuid, 0, null, Address("192.0.2.5")));
        yield return Read(Best, "a source that is not local", NotFound, _ => BestRoute(null, 0, Address("192.0.2.99"), Address("192.0.2.5")));
        yield return Read(Best, "no route to the destination", NetworkUnreachable, _ => BestRoute(null, 0, null, Address("203.0.113.5")));
        yield return Read(Best, "source 127.0.0.1 to a global destination", NetworkUnreachable, _ => BestRoute(null, 0, Address("127.0.0.1"), Address("192.0.2.5")));
    }

    /// <summary>A route that does not exist (203.0.113.0/24 via 192.0.2.254 on v0), changed by <paramref name="change"/>.</summary>
    private static MibIpForwardRow2 NewRoute(BadInputLab lab, RouteChange change)
    {
        NetIo.InitializeIpForwardEntry(out var row);
        (row.DestinationPrefix, row.NextHop, row.InterfaceIndex, row.Metric, row.Protocol) =
            (Prefix("203.0.113.0", 24), Address("192.0.2.254"), lab.V0, 0, NlRouteProtocol.RouteProtocolNetMgmt);
        row.SitePrefixLength = 0;
        change(lab, ref row);
        return row;
    }

    /// <summary>The lab's route (198.51.100.0/24 via 192.0.2.254 on v0), changed by <paramref name="change"/>.</summary>
    private static MibIpForwardRow2 ExistingRoute(BadInputLab lab, RouteChange change) =>
        NewRoute(lab, (BadInputLab l, ref MibIpForwardRow2 r) =>
        {
            r.DestinationPrefix = Prefix("198.51.100.0", 24);
            change(l, ref r);
        });

    /// <summary>GetBestRoute2, checking that both outputs are zeroed on failure.</summary>
    private static NetIoStatus BestRoute(NetLuid? luid, uint index, SockAddrInet? source, SockAddrInet destination)
    {
        var status = NetIo.GetBestRoute2(luid, index, source, destination, 0, out var route, out var best);
        if (status != Success)
        {
            Assert.Equal(default, route);
            Assert.Equal(default, best);
        }
        return status;
    }
}
