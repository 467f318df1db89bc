using System.Net;
using System.Net.Sockets;
using Xunit;

namespace IpHelper.Tests.Unit.Backend;

/// <summary>
/// The seam between NetIo and a backend, proven with an in-memory backend and no kernel: every public
/// function dispatches to the backend of the caller's scope, NetIo records exactly the status and detail
/// the backend returns (the backend never writes the last error itself), and an argument NetIo rejects
/// never reaches the backend.
/// </summary>
public sealed class NetIoSeamTests
{
    private static readonly NetLuid Luid = RecordingBackend.Interface.Luid;

    private static SockAddrInet Address(string text) => SockAddrInet.FromIPAddress(IPAddress.Parse(text));

    private static MibIpForwardRow2 Route()
    {
        NetIo.InitializeIpForwardEntry(out var row);
        Assert.True(IpAddressPrefix.TryParse("198.51.100.0/24", out row.DestinationPrefix));
        row.NextHop = Address("0.0.0.0");
        row.InterfaceIndex = 7;
        return row;
    }

    private static MibUnicastIpAddressRow Unicast()
    {
        NetIo.InitializeUnicastIpAddressEntry(out var row);
        row.Address = Address("192.0.2.1");
        row.InterfaceIndex = 7;
        row.OnLinkPrefixLength = 24;
        return row;
    }

    private static MibIpNetRow2 Neighbor()
    {
        var row = new MibIpNetRow2 { Address = Address("192.0.2.2"), InterfaceIndex = 7, State = NlNeighborState.NlnsPermanent };
        row.SetPhysicalAddress([2, 0, 0, 0, 0, 2]);
        return row;
    }

    private static MibIpInterfaceRow IpInterface()
    {
        NetIo.InitializeIpInterfaceEntry(out var row);
        row.Family = AddressFamily.InterNetwork;
        row.InterfaceIndex = 7;
        return row;
    }

    private static NetIoStatus Dispose<T>(NetIoStatus status, T? disposable) where T : class, IDisposable
    {
        disposable?.Dispose();
        return status;
    }

    /// <summary>Each public function, called with arguments NetIo accepts, and the backend member it must reach.</summary>
    private static readonly Dictionary<string, (string Member, Func<NetIoStatus> Call)> s_calls = new()
    {
        ["ConvertInterfaceIndexToLuid"] = ("LookupInterface(index)", () => NetIo.ConvertInterfaceIndexToLuid(7, out _)),
        ["ConvertInterfaceLuidToIndex"] = ("LookupInterface(luid)", () => NetIo.ConvertInterfaceLuidToIndex(Luid, out _)),
        ["ConvertInterfaceLuidToGuid"] = ("LookupInterface(luid)", () => NetIo.ConvertInterfaceLuidToGuid(Luid, out _)),
        ["ConvertInterfaceGuidToLuid"] = ("LookupInterface(guid)", () => NetIo.ConvertInterfaceGuidToLuid(RecordingBackend.Interface.Guid, out _)),
        ["ConvertInterfaceAliasToLuid"] = ("LookupInterface(alias)", () => NetIo.ConvertInterfaceAliasToLuid("fake0", out _)),
        ["ConvertInterfaceLuidToAlias"] = ("LookupInterface(luid)", () => NetIo.ConvertInterfaceLuidToAlias(Luid, out string? _)),
        ["ConvertInterfaceLuidToNameW"] = ("LookupInterface(luid)", () => NetIo.ConvertInterfaceLuidToNameW(Luid, new char[64])),
        ["ConvertInterfaceLuidToNameA"] = ("LookupInterface(luid)", () => NetIo.ConvertInterfaceLuidToNameA(Luid, new byte[64])),
        ["ConvertInterfaceNameToLuidW"] = ("LookupInterface(luid)", () => NetIo.ConvertInterfaceNameToLuidW("ethernet_7", out _)),
        ["ConvertInterfaceNameToLuidA"] = ("LookupInterface(alias)", () => NetIo.ConvertInterfaceNameToLuidA("fake0", out _)),
        ["GetIfEntry2"] = ("GetIfEntry", () =>
        {
            var row = new MibIfRow2 { InterfaceIndex = 7 };
            return NetIo.GetIfEntry2(ref row);
        }),
        ["GetIfTable2"] = ("GetIfTable", () => Dispose(NetIo.GetIfTable2(out var table), table)),
        ["GetIfStackTable"] = ("GetIfStackTable", () => Dispose(NetIo.GetIfStackTable(out var table), table)),
        ["GetInvertedIfStackTable"] = ("GetIfStackTable", () => Dispose(NetIo.GetInvertedIfStackTable(out var table), table)),
        ["GetIpInterfaceEntry"] = ("GetIpInterfaceEntry", () =>
        {
            var row = new MibIpInterfaceRow { Family = AddressFamily.InterNetwork, InterfaceIndex = 7 };
            return NetIo.GetIpInterfaceEntry(ref row);
        }),
        ["GetIpInterfaceTable"] = ("GetIpInterfaceTable", () => Dispose(NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table), table)),
        ["SetIpInterfaceEntry"] = ("SetIpInterfaceEntry", () =>
        {
            var row = IpInterface();
            return NetIo.SetIpInterfaceEntry(ref row);
        }),
        ["GetUnicastIpAddressTable"] = ("GetUnicastAddressTable", () => Dispose(NetIo.GetUnicastIpAddressTable(AddressFamily.Unspecified, out var table), table)),
        ["GetUnicastIpAddressEntry"] = ("GetUnicastAddress", () =>
        {
            var row = Unicast();
            return NetIo.GetUnicastIpAddressEntry(ref row);
        }),
        ["CreateUnicastIpAddressEntry"] = ("CreateUnicastAddress", () => NetIo.CreateUnicastIpAddressEntry(Unicast())),
        ["SetUnicastIpAddressEntry"] = ("SetUnicastAddress", () => NetIo.SetUnicastIpAddressEntry(Unicast())),
        ["DeleteUnicastIpAddressEntry"] = ("DeleteUnicastAddress", () => NetIo.DeleteUnicastIpAddressEntry(Unicast())),
        ["GetAnycastIpAddressTable"] = ("GetAnycastAddressTable", () => Dispose(NetIo.GetAnycastIpAddressTable(AddressFamily.Unspecified, out var table), table)),
        ["GetAnycastIpAddressEntry"] = ("GetAnycastAddress", () =>
        {
            var row = new MibAnycastIpAddressRow { Address = Address("2001:db8::5"), InterfaceIndex = 7 };
            return NetIo.GetAnycastIpAddressEntry(ref row);
        }),
        ["CreateAnycastIpAddressEntry"] = ("CreateAnycastAddress", () =>
            NetIo.CreateAnycastIpAddressEntry(new MibAnycastIpAddressRow { Address = Address("2001:db8::5"), InterfaceIndex = 7 })),
        ["DeleteAnycastIpAddressEntry"] = ("DeleteAnycastAddress", () =>
            NetIo.DeleteAnycastIpAddressEntry(new MibAnycastIpAddressRow { Address = Address("2001:db8::5"), InterfaceIndex = 7 })),
        ["GetMulticastIpAddressTable"] = ("GetMulticastAddressTable", () => Dispose(NetIo.GetMulticastIpAddressTable(AddressFamily.Unspecified, out var table), table)),
        ["GetMulticastIpAddressEntry"] = ("GetMulticastAddress", () =>
        {
            var row = new MibMulticastIpAddressRow { Address = Address("224.0.0.1"), InterfaceIndex = 7 };
            return NetIo.GetMulticastIpAddressEntry(ref row);
        }),
        ["CreateSortedAddressPairs"] = ("CreateSortedAddressPairs", () =>
            Dispose(NetIo.CreateSortedAddressPairs([], [Address("2001:db8::1")], 0, out var pairs), pairs)),
        ["GetIpNetTable2"] = ("GetIpNetTable", () => Dispose(NetIo.GetIpNetTable2(AddressFamily.Unspecified, out var table), table)),
        ["GetIpNetEntry2"] = ("GetIpNetEntry", () =>
        {
            var row = Neighbor();
            return NetIo.GetIpNetEntry2(ref row);
        }),
        ["CreateIpNetEntry2"] = ("CreateIpNetEntry", () => NetIo.CreateIpNetEntry2(Neighbor())),
        ["SetIpNetEntry2"] = ("SetIpNetEntry", () =>
        {
            var row = Neighbor();
            return NetIo.SetIpNetEntry2(ref row);
        }),
        ["DeleteIpNetEntry2"] = ("DeleteIpNetEntry", () => NetIo.DeleteIpNetEntry2(Neighbor())),
        ["FlushIpNetTable2"] = ("FlushIpNetTable", () => NetIo.FlushIpNetTable2(AddressFamily.InterNetwork, 7)),
        ["ResolveIpNetEntry2"] = ("ResolveIpNetEntry", () =>
        {
            var row = new MibIpNetRow2 { Address = Address("192.0.2.2"), InterfaceIndex = 7 };
            return NetIo.ResolveIpNetEntry2(ref row);
        }),
        ["GetIpPathTable"] = ("GetIpPathTable", () => Dispose(NetIo.GetIpPathTable(AddressFamily.Unspecified, out var table), table)),
        ["GetIpPathEntry"] = ("GetIpPathEntry", () =>
        {
            var row = new MibIpPathRow { Destination = Address("192.0.2.2"), InterfaceIndex = 7 };
            return NetIo.GetIpPathEntry(ref row);
        }),
        ["FlushIpPathTable"] = ("FlushIpPathTable", () => NetIo.FlushIpPathTable(AddressFamily.Unspecified)),
        ["GetIpForwardTable2"] = ("GetIpForwardTable", () => Dispose(NetIo.GetIpForwardTable2(AddressFamily.Unspecified, out var table), table)),
        ["EnumerateIpForwardTable2"] = ("EnumerateIpForwardTable", () => Dispose(NetIo.EnumerateIpForwardTable2(AddressFamily.Unspecified, out var rows), rows)),
        ["GetIpForwardEntry2"] = ("GetIpForwardEntry", () =>
        {
            var row = Route();
            return NetIo.GetIpForwardEntry2(ref row);
        }),
        ["CreateIpForwardEntry2"] = ("CreateIpForwardEntry", () => NetIo.CreateIpForwardEntry2(Route())),
        ["SetIpForwardEntry2"] = ("SetIpForwardEntry", () => NetIo.SetIpForwardEntry2(Route())),
        ["DeleteIpForwardEntry2"] = ("DeleteIpForwardEntry", () => NetIo.DeleteIpForwardEntry2(Route())),
        ["CreateIpForwardEntries2"] = ("CreateIpForwardEntries", () => NetIo.CreateIpForwardEntries2([Route()], new NetIoErrorDetail?[1])),
        ["GetBestRoute2"] = ("GetBestRoute", () => NetIo.GetBestRoute2(null, 0, null, Address("198.51.100.7"), 0, out _, out _)),
        ["GetTeredoPort"] = ("GetTeredoPort", () => NetIo.GetTeredoPort(out _)),
        ["NotifyTeredoPortChange"] = ("NotifyTeredoPortChange", () =>
            Dispose(NetIo.NotifyTeredoPortChange((_, _, _) => { }, null, false, out var handle), handle)),
        ["NotifyIpInterfaceChange"] = ("NotifyIpInterfaceChange", () =>
            Dispose(NetIo.NotifyIpInterfaceChange(AddressFamily.Unspecified, (_, _, _) => { }, null, false, out var handle), handle)),
        ["NotifyRouteChange2"] = ("NotifyRouteChange", () =>
            Dispose(NetIo.NotifyRouteChange2(AddressFamily.Unspecified, (_, _, _) => { }, null, false, out var handle), handle)),
        ["NotifyUnicastIpAddressChange"] = ("NotifyUnicastAddressChange", () =>
            Dispose(NetIo.NotifyUnicastIpAddressChange(AddressFamily.Unspecified, (_, _, _) => { }, null, false, out var handle), handle)),
        ["NotifyStableUnicastIpAddressTable"] = ("NotifyStableUnicastAddressTable", () =>
        {
            var status = NetIo.NotifyStableUnicastIpAddressTable(AddressFamily.Unspecified, out var table, (_, _) => { }, null, out var handle);
            table?.Dispose();
            return Dispose(status, handle);
        }),
    };

    public static TheoryData<string> Functions => new(s_calls.Keys);

    [Theory]
    [MemberData(nameof(Functions))]
    public void EveryFunction_DispatchesToTheBackendOfTheScope(string function)
    {
        var (member, call) = s_calls[function];
        var fake = new RecordingBackend();
        using (FakeScope.Enter(fake))
        {
            call();
        }
        Assert.Contains(member, fake.Calls);
    }

    /// <summary>
    /// Every function but ConvertInterfaceNameToLuidW("ethernet_7"): a Windows-style name whose LUID lookup
    /// fails is tried as an alias next (one function takes both kinds of name), so the alias lookup's
    /// outcome is the one reported; ConvertInterfaceNameToLuidA("fake0") covers that lookup.
    /// </summary>
    public static TheoryData<string> FailingFunctions => new(s_calls.Keys.Where(k => k != "ConvertInterfaceNameToLuidW"));

    [Theory]
    [MemberData(nameof(FailingFunctions))]
    public void EveryFunction_RecordsTheStatusAndDetailTheBackendReturns(string function)
    {
        var (member, call) = s_calls[function];
        var fake = new RecordingBackend { FailingMember = member };
        using (FakeScope.Enter(fake))
        {
            Assert.Equal(NetIoStatus.AccessDenied, call());
            // The very detail the backend returned: its message, errno, kernel text and argument, unchanged.
            Assert.Same(fake.Failure.Error, NetIo.LastErrorDetail);
        }
    }

    [Fact]
    public void BackendSuccess_ClearsTheDetailOfAnEarlierFailure()
    {
        var fake = new RecordingBackend { FailingMember = "GetTeredoPort" };
        using (FakeScope.Enter(fake))
        {
            Assert.Equal(NetIoStatus.AccessDenied, NetIo.GetTeredoPort(out _));
            Assert.NotNull(NetIo.LastErrorDetail);
            fake.FailingMember = null;
            Assert.Equal(NetIoStatus.Success, NetIo.GetTeredoPort(out _));
            Assert.Null(NetIo.LastErrorDetail);
        }
    }

    [Fact]
    public void BackendFailure_DetailCarriesErrnoNameAndKernelText()
    {
        var fake = new RecordingBackend { FailingMember = "FlushIpPathTable" };
        using (FakeScope.Enter(fake))
        {
            NetIo.FlushIpPathTable(AddressFamily.Unspecified);
            var detail = NetIo.LastErrorDetail!;
            Assert.Equal(("EACCES", "fake kernel text", "Fake"), (detail.ErrnoName, detail.KernelMessage, detail.Argument));
            Assert.Equal("AccessDenied (5): the fake backend refuses [EACCES] kernel: fake kernel text", detail.ToString());
        }
    }

    /// <summary>Calls NetIo rejects by their arguments alone: none may reach the backend.</summary>
    private static readonly Dictionary<string, Func<NetIoStatus>> s_rejected = new()
    {
        ["GetIpForwardTable2(bad family)"] = () => NetIo.GetIpForwardTable2((AddressFamily)99, out _),
        ["EnumerateIpForwardTable2(bad family)"] = () => NetIo.EnumerateIpForwardTable2((AddressFamily)99, out _),
        ["GetIfTable2Ex(bad level)"] = () => NetIo.GetIfTable2Ex((MibIfTableLevel)9, out _),
        ["GetIfEntry2(no LUID, no index)"] = () =>
        {
            var row = default(MibIfRow2);
            return NetIo.GetIfEntry2(ref row);
        },
        ["ConvertInterfaceAliasToLuid(empty)"] = () => NetIo.ConvertInterfaceAliasToLuid("", out _),
        ["ConvertInterfaceNameToLuidW(null)"] = () => NetIo.ConvertInterfaceNameToLuidW(null, out _),
        ["ConvertInterfaceLuidToNameW(empty buffer)"] = () => NetIo.ConvertInterfaceLuidToNameW(Luid, Span<char>.Empty),
        ["GetIpInterfaceEntry(bad family)"] = () =>
        {
            var row = new MibIpInterfaceRow { Family = AddressFamily.Unspecified, InterfaceIndex = 7 };
            return NetIo.GetIpInterfaceEntry(ref row);
        },
        ["CreateIpForwardEntry2(prefix with host bits)"] = () =>
        {
            var row = Route();
            Assert.True(IpAddressPrefix.TryParse("198.51.100.7/24", out row.DestinationPrefix));
            return NetIo.CreateIpForwardEntry2(row);
        },
        ["SetIpForwardEntry2(no LUID, no index)"] = () =>
        {
            var row = Route();
            row.InterfaceIndex = 0;
            return NetIo.SetIpForwardEntry2(row);
        },
        ["DeleteIpForwardEntry2(next hop of the other family)"] = () =>
        {
            var row = Route();
            row.NextHop = Address("2001:db8::1");
            return NetIo.DeleteIpForwardEntry2(row);
        },
        ["GetUnicastIpAddressTable(bad family)"] = () => NetIo.GetUnicastIpAddressTable((AddressFamily)99, out _),
        ["GetIpNetTable2(bad family)"] = () => NetIo.GetIpNetTable2((AddressFamily)99, out _),
        ["GetIpPathTable(bad family)"] = () => NetIo.GetIpPathTable((AddressFamily)99, out _),
        ["NotifyRouteChange2(null callback)"] = () => NetIo.NotifyRouteChange2(AddressFamily.Unspecified, null, null, false, out _),
        ["NotifyStableUnicastIpAddressTable(bad family)"] = () =>
            NetIo.NotifyStableUnicastIpAddressTable((AddressFamily)99, out _, (_, _) => { }, null, out _),
        ["NotifyTeredoPortChange(null callback)"] = () => NetIo.NotifyTeredoPortChange(null, null, false, out _),
        ["CreateSortedAddressPairs(IPv4 destination)"] = () => NetIo.CreateSortedAddressPairs([], [Address("192.0.2.1")], 0, out _),
    };

    public static TheoryData<string> RejectedCalls => new(s_rejected.Keys);

    [Fact]
    public void SetIpForwardEntry2_BadLifetimes_ResolveTheKeyButNeverReachTheWrite()
    {
        var fake = new RecordingBackend();
        var row = Route();
        row.ValidLifetime = 10;
        row.PreferredLifetime = 20;
        using (FakeScope.Enter(fake))
        {
            Assert.Equal(NetIoStatus.InvalidParameter, NetIo.SetIpForwardEntry2(row));
            Assert.Equal("PreferredLifetime", NetIo.LastErrorDetail?.Argument);
        }
        // As on Windows, the key (and so the interface) is checked before the other fields.
        Assert.Equal(["LookupInterface(index)"], fake.Calls);
    }

    [Theory]
    [MemberData(nameof(RejectedCalls))]
    public void RejectedArgument_NeverReachesTheBackend(string call)
    {
        var fake = new RecordingBackend();
        using (FakeScope.Enter(fake))
        {
            var status = s_rejected[call]();
            Assert.NotEqual(NetIoStatus.Success, status);
            Assert.Equal(status, NetIo.LastErrorDetail?.Status);
        }
        Assert.Empty(fake.Calls);
    }
}
