using System.Net.Sockets;
using IpHelper.Linux;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// The deterministic half of <see cref="VanishingInterfaceTests"/>: each backend write gets an
/// interface NetIo resolved and that was deleted before the kernel call, the exact window a concurrent
/// delete hits, and answers the status docs/errors.md gives for an interface that is not there.
/// </summary>
public sealed class StaleInterfaceTests
{
    public static TheoryData<string> Writes => new(s_writes.Keys);

    private static readonly Dictionary<string, (NetIoStatus Expected, Func<LinuxBackend, InterfaceIdentity, BackendResult> Call)> s_writes = new()
    {
        ["CreateUnicastAddress"] = (NotFound, (backend, iface) => backend.CreateUnicastAddress(iface, UnicastRow(iface))),
        ["SetUnicastAddress"] = (NotFound, (backend, iface) => backend.SetUnicastAddress(iface, UnicastRow(iface))),
        ["DeleteUnicastAddress"] = (NotFound, (backend, iface) => backend.DeleteUnicastAddress(iface, Address("203.0.113.9"))),
        ["CreateIpNetEntry"] = (FileNotFound, (backend, iface) => backend.CreateIpNetEntry(iface, NeighborRow(iface))),
        ["DeleteIpNetEntry"] = (FileNotFound, (backend, iface) => backend.DeleteIpNetEntry(iface, Address("192.0.2.8"))),
        ["CreateIpForwardEntry"] = (FileNotFound, (backend, iface) => backend.CreateIpForwardEntry(RouteTableSelection.Default, RouteRow(iface))),
    };

    [RootTheory]
    [MemberData(nameof(Writes))]
    public void BackendWrite_ToAnInterfaceDeletedAfterItWasResolved_ReturnsTheDocumentedStatus(string write)
    {
        var (expected, call) = s_writes[write];
        using var ns = new TestNetns();
        ns.AddVeth("vx0", "vx1");
        using (ns.Enter())
        {
            // The backend of the test namespace: a backend acts on its own namespace whatever scope is current.
            var backend = TestBackend.Current;
            Assert.Equal(Success, backend.LookupInterface(NetIo.if_nametoindex("vx0"), out var iface).Status);
            ns.Ip("link", "del", "vx0");
            var result = call(backend, iface);
            Assert.True(expected == result.Status, $"{write}: {result}");
        }
    }

    private static MibUnicastIpAddressRow UnicastRow(InterfaceIdentity iface)
    {
        NetIo.InitializeUnicastIpAddressEntry(out var row);
        (row.Address, row.OnLinkPrefixLength, row.InterfaceIndex, row.InterfaceLuid) = (Address("203.0.113.9"), 24, iface.Index, iface.Luid);
        return row;
    }

    private static MibIpNetRow2 NeighborRow(InterfaceIdentity iface)
    {
        var row = new MibIpNetRow2 { Address = Address("192.0.2.8"), InterfaceIndex = iface.Index, InterfaceLuid = iface.Luid, State = NlNeighborState.NlnsPermanent };
        row.SetPhysicalAddress([0x02, 0, 0, 0, 0, 0x08]);
        return row;
    }

    private static MibIpForwardRow2 RouteRow(InterfaceIdentity iface)
    {
        NetIo.InitializeIpForwardEntry(out var row);
        (row.DestinationPrefix, row.NextHop, row.InterfaceIndex, row.InterfaceLuid, row.SitePrefixLength) =
            (Prefix("198.51.100.0", 24), Address("0.0.0.0"), iface.Index, iface.Luid, 0);
        return row;
    }
}
