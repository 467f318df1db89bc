using System.Net.Sockets;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private delegate void NeighborChange(BadInputLab lab, ref MibIpNetRow2 row);

    private static IEnumerable<BadInputCase> Neighbors()
    {
        foreach (var family in new[] { 99, -1, 1 })
        {
            yield return Read(nameof(NetIo.GetIpNetTable2), $"AF {family}", InvalidParameter, _ => Null(NetIo.GetIpNetTable2((AddressFamily)family, out var table), table));
            yield return Write(nameof(NetIo.FlushIpNetTable2), $"AF {family}", InvalidParameter, lab => NetIo.FlushIpNetTable2((AddressFamily)family, lab.V0));
        }
        yield return Write(nameof(NetIo.FlushIpNetTable2), "deleted interface's index", FileNotFound, lab => NetIo.FlushIpNetTable2(AddressFamily.InterNetwork, lab.GoneIndex));

        // Keys every neighbour function refuses alike, starting from a new entry (192.0.2.8 on v0).
        var badKeys = new (string Name, NetIoStatus Status, NeighborChange Change)[]
        {
            ("address of AF 99", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.Address = Family(99)),
            ("0.0.0.0", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.Address = Address("0.0.0.0")),
            ("::", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.Address = Address("::")),
            ("zero LUID and index 0", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => (r.InterfaceLuid, r.InterfaceIndex) = (default, 0)),
            ("a link-local address whose scope id is another interface", InvalidParameter, (BadInputLab lab, ref MibIpNetRow2 r) => r.Address = Address($"fe80::8%{lab.V1}")),
            ("a scope id on a global IPv6 address", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.Address = Address("2001:db8::7%99")),
            ("deleted interface's index", FileNotFound, (BadInputLab lab, ref MibIpNetRow2 r) => r.InterfaceIndex = lab.GoneIndex),
            ("deleted interface's LUID with v0's index (the LUID wins)", FileNotFound, (BadInputLab lab, ref MibIpNetRow2 r) => r.InterfaceLuid = lab.GoneLuid),
            ("unknown LUID", FileNotFound, (BadInputLab _, ref MibIpNetRow2 r) => r.InterfaceLuid = UnknownLuid),
        };
        var badEntries = new (string Name, NetIoStatus Status, NeighborChange Change)[]
        {
            ("loopback 127.0.0.1", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.Address = Address("127.0.0.1")),
            ("loopback ::1", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.Address = Address("::1")),
            ("PhysicalAddressLength 33", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.PhysicalAddressLength = 33),
            ("PhysicalAddressLength 4 on ethernet", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.PhysicalAddressLength = 4),
            ("State Incomplete", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.State = NlNeighborState.NlnsIncomplete),
            ("State 99", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.State = (NlNeighborState)99),
            ("State NlnsMaximum", InvalidParameter, (BadInputLab _, ref MibIpNetRow2 r) => r.State = NlNeighborState.NlnsMaximum),
        };
        foreach (var (name, status, change) in badKeys)
        {
            yield return Read(nameof(NetIo.GetIpNetEntry2), name, status, lab => GetNeighbor(NewNeighbor(lab, "192.0.2.7", change)));
            yield return Write(nameof(NetIo.DeleteIpNetEntry2), name, status, lab => NetIo.DeleteIpNetEntry2(NewNeighbor(lab, "192.0.2.7", change)));
        }
        foreach (var (name, status, change) in badKeys.Concat(badEntries))
        {
            yield return Write(nameof(NetIo.CreateIpNetEntry2), name, status, lab => NetIo.CreateIpNetEntry2(NewNeighbor(lab, "192.0.2.8", change)));
            yield return Write(nameof(NetIo.SetIpNetEntry2), name, status, lab =>
            {
                var row = NewNeighbor(lab, "192.0.2.7", change);
                return NetIo.SetIpNetEntry2(ref row);
            });
        }
        yield return Read(nameof(NetIo.GetIpNetEntry2), "no entry for the address", NotFound, lab => GetNeighbor(NewNeighbor(lab, "192.0.2.8", NoNeighborChange)));
        yield return Write(nameof(NetIo.CreateIpNetEntry2), "the entry exists", ObjectAlreadyExists, lab => NetIo.CreateIpNetEntry2(NewNeighbor(lab, "192.0.2.7", NoNeighborChange)));
        yield return Write(nameof(NetIo.SetIpNetEntry2), "no entry for the address", NotFound, lab =>
        {
            var row = NewNeighbor(lab, "192.0.2.8", NoNeighborChange);
            return NetIo.SetIpNetEntry2(ref row);
        });
        yield return Write(nameof(NetIo.DeleteIpNetEntry2), "no entry for the address", NotFound, lab => NetIo.DeleteIpNetEntry2(NewNeighbor(lab, "192.0.2.8", NoNeighborChange)));

        const string Resolve = nameof(NetIo.ResolveIpNetEntry2);
        foreach (var (name, address) in new[] { ("0.0.0.0", "0.0.0.0"), ("loopback 127.0.0.1", "127.0.0.1"), ("loopback ::1", "::1"), ("multicast 224.0.0.9", "224.0.0.9"), ("multicast ff02::9", "ff02::9"), ("broadcast 255.255.255.255", "255.255.255.255") })
            yield return Write(Resolve, name, InvalidParameter, lab => ResolveNeighbor(NewNeighbor(lab, address, NoNeighborChange), null));
        yield return Write(Resolve, "address of AF 99", InvalidParameter, lab => ResolveNeighbor(NewNeighbor(lab, "192.0.2.8", static (BadInputLab _, ref MibIpNetRow2 r) => r.Address = Family(99)), null));
        yield return Write(Resolve, "a source of the other family", InvalidParameter, lab => ResolveNeighbor(NewNeighbor(lab, "192.0.2.8", NoNeighborChange), Address("2001:db8::1")));
        yield return Write(Resolve, "a source that is not local", InvalidParameter, lab => ResolveNeighbor(NewNeighbor(lab, "192.0.2.8", NoNeighborChange), Address("192.0.2.99")));
        yield return Write(Resolve, "a link-local address whose scope id is another interface", InvalidParameter, lab => ResolveNeighbor(NewNeighbor(lab, $"fe80::8%{lab.V1}", NoNeighborChange), null));
        yield return Write(Resolve, "deleted interface's LUID", NotFound, lab => ResolveNeighbor(NewNeighbor(lab, "192.0.2.8", static (BadInputLab l, ref MibIpNetRow2 r) => r.InterfaceLuid = l.GoneLuid), null));
        yield return Write(Resolve, "deleted interface's index", NotFound, lab => ResolveNeighbor(NewNeighbor(lab, "192.0.2.8", static (BadInputLab l, ref MibIpNetRow2 r) => r.InterfaceIndex = l.GoneIndex), null));
        yield return Write(Resolve, "the loopback interface (no neighbour discovery)", NotSupported, lab => ResolveNeighbor(NewNeighbor(lab, "192.0.2.8", static (BadInputLab _, ref MibIpNetRow2 r) => r.InterfaceIndex = 1), null));
    }

    private static void NoNeighborChange(BadInputLab lab, ref MibIpNetRow2 row)
    {
    }

    /// <summary>A permanent entry for <paramref name="address"/> with MAC 02:00:00:00:00:08 on v0 by index, changed by <paramref name="change"/>.</summary>
    private static MibIpNetRow2 NewNeighbor(BadInputLab lab, string address, NeighborChange change)
    {
        var row = new MibIpNetRow2 { Address = Address(address), InterfaceIndex = lab.V0, State = NlNeighborState.NlnsPermanent };
        row.SetPhysicalAddress([0x02, 0, 0, 0, 0, 0x08]);
        change(lab, ref row);
        return row;
    }

    private static NetIoStatus GetNeighbor(MibIpNetRow2 row)
    {
        var before = row;
        var status = NetIo.GetIpNetEntry2(ref row);
        AssertSameBytes(before, row, "the row");
        return status;
    }

    /// <summary>ResolveIpNetEntry2 with or without a source; the row is left as it was on failure.</summary>
    private static NetIoStatus ResolveNeighbor(MibIpNetRow2 row, SockAddrInet? source)
    {
        var before = row;
        var status = source is { } s ? NetIo.ResolveIpNetEntry2(ref row, s) : NetIo.ResolveIpNetEntry2(ref row);
        AssertSameBytes(before, row, "the row");
        return status;
    }
}
