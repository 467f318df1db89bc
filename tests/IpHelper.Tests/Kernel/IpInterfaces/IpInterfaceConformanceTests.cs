using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// Conformance items 26-34 (spec/windows-semantics.md section C, from Wine's test_GetIpInterface, which
/// passes on Windows), adapted where Linux has other values (said at each test), plus the status of
/// every bad input of GetIpInterfaceEntry and GetIpInterfaceTable.
/// </summary>
public sealed class IpInterfaceConformanceTests(IpInterfaceTopology topology) : IClassFixture<IpInterfaceTopology>
{
    private TestNetns Ns => topology.Ns;

    /// <summary>26. (AF_UNSPEC, NULL) cannot be written in C#; (AF_UNSPEC, &amp;t) gives only AF_INET and AF_INET6 rows.</summary>
    [RootFact]
    public void Table_Unspecified_HoldsOnlyInetAndInet6Rows()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (table)
        {
            Assert.NotEmpty(table!);
            Assert.All(table!, r => Assert.True(r.Family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6));
        }
    }

    [RootTheory]
    [InlineData(AddressFamily.AppleTalk)]
    [InlineData(AddressFamily.Banyan)]
    [InlineData((AddressFamily)10)]
    public void Table_OtherFamily_IsInvalidParameter_WithNoTable(AddressFamily family)
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpInterfaceTable(family, out var table));
        Assert.Null(table);
        Assert.Equal("Family", NetIo.LastErrorDetail?.Argument);
    }

    /// <summary>27. Every row's index is in GetIfTable2 with the same LUID, and loopback has rows.</summary>
    [RootFact]
    public void Rows_AreInterfacesOfGetIfTable2_AndLoopbackHasRows()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIfTable2(out var interfaces));
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (interfaces)
        using (table)
        {
            foreach (var row in table!) Assert.Contains(interfaces!, i => i.InterfaceIndex == row.InterfaceIndex && i.InterfaceLuid == row.InterfaceLuid);
            var loopback = interfaces!.Single(i => i.Type == IfType.SoftwareLoopback).InterfaceIndex;
            Assert.Equal(2, table!.Count(r => r.InterfaceIndex == loopback));
        }
    }

    /// <summary>
    /// 28 and 29, adapted: Windows reports SitePrefixLength 64 and RA intervals 200/600 ms; Linux has no
    /// site prefix and the kernel sends no router advertisements, so they are 0 (docs/mapping.md).
    /// Loopback DadTransmits is 0 on both.
    /// </summary>
    [RootFact]
    public void Rows_SitePrefixAndAdvertisementIntervals_AreTheNotAvailableZero_LoopbackDoesNoDad()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (table)
        {
            Assert.All(table!, r =>
            {
                Assert.Equal(0u, r.SitePrefixLength);
                Assert.Equal(0u, r.MinRouterAdvertisementInterval);
                Assert.Equal(0u, r.MaxRouterAdvertisementInterval);
            });
            Assert.All(table!.Where(r => r.InterfaceIndex == NetIo.if_nametoindex("lo")), r => Assert.Equal(0u, r.DadTransmits));
        }
    }

    /// <summary>30, adapted: Windows reports 0xFFFFFFFF for loopback; Linux's loopback has a real MTU (65536), which is returned.</summary>
    [RootFact]
    public void Loopback_NlMtu_IsItsRealMtu()
    {
        var mtu = Ns.IpJson("link", "show", "lo")[0].GetProperty("mtu").GetUInt32();
        using var scope = Ns.Enter();
        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            var row = new MibIpInterfaceRow { Family = family, InterfaceIndex = NetIo.if_nametoindex("lo") };
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref row));
            Assert.Equal(mtu, row.NlMtu);
        }
    }

    /// <summary>32. A zeroed row (family AF_UNSPEC) and AF_UNSPEC with a valid LUID: InvalidParameter.</summary>
    [RootFact]
    public void Entry_FamilyUnspecified_IsInvalidParameter_AndTheRowIsUntouched()
    {
        using var scope = Ns.Enter();
        var zeroed = default(MibIpInterfaceRow);
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpInterfaceEntry(ref zeroed));
        Assert.Equal(0u, zeroed.InterfaceIndex);

        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(NetIo.if_nametoindex("v0"), out var luid));
        var row = new MibIpInterfaceRow { Family = AddressFamily.Unspecified, InterfaceLuid = luid, NlMtu = 77 };
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpInterfaceEntry(ref row));
        Assert.Equal("Family", NetIo.LastErrorDetail?.Argument);
        Assert.Equal(77u, row.NlMtu);
    }

    [RootFact]
    public void Entry_FamilyNotAnIpFamily_IsInvalidParameter()
    {
        using var scope = Ns.Enter();
        var row = new MibIpInterfaceRow { Family = (AddressFamily)10, InterfaceIndex = NetIo.if_nametoindex("v0") };
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpInterfaceEntry(ref row));
    }

    [RootFact]
    public void Entry_NeitherLuidNorIndex_IsInvalidParameter()
    {
        using var scope = Ns.Enter();
        var row = new MibIpInterfaceRow { Family = AddressFamily.InterNetwork };
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpInterfaceEntry(ref row));
        Assert.Equal("InterfaceLuid", NetIo.LastErrorDetail?.Argument);
    }

    /// <summary>33. Family and LUID, everything else garbage (0xCC): Success; Family, LUID, index and BaseReachableTime equal the table row.</summary>
    [RootFact]
    public void Entry_ByLuid_WithGarbageElsewhere_ReturnsTheTableRow()
    {
        using var scope = Ns.Enter();
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
        using (table)
        {
            foreach (var expected in table!)
            {
                var row = Garbage();
                row.Family = expected.Family;
                row.InterfaceLuid = expected.InterfaceLuid;
                Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref row));
                Assert.Equal(expected.Family, row.Family);
                Assert.Equal(expected.InterfaceLuid, row.InterfaceLuid);
                Assert.Equal(expected.InterfaceIndex, row.InterfaceIndex);
                Assert.Equal(expected.BaseReachableTime, row.BaseReachableTime);
            }
        }
    }

    /// <summary>34. A non-zero LUID that names nothing wins over a valid index: NotFound. LUID 0 and the index: Success with the LUID filled in.</summary>
    [RootFact]
    public void Entry_LuidWinsOverIndex_UnknownLuidIsNotFound_ZeroLuidUsesTheIndex()
    {
        using var scope = Ns.Enter();
        var index = NetIo.if_nametoindex("v0");
        var bogus = new MibIpInterfaceRow { Family = AddressFamily.InterNetwork, InterfaceIndex = index, InterfaceLuid = new NetLuid(0xCCCCCCCCCCCCCCCC) };
        Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpInterfaceEntry(ref bogus));
        Assert.Equal("InterfaceLuid", NetIo.LastErrorDetail?.Argument);

        var byIndex = new MibIpInterfaceRow { Family = AddressFamily.InterNetwork, InterfaceIndex = index };
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref byIndex));
        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(index, out var luid));
        Assert.Equal(luid, byIndex.InterfaceLuid);

        Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(NetIo.if_nametoindex("v1"), out var other));
        var conflicting = new MibIpInterfaceRow { Family = AddressFamily.InterNetwork, InterfaceIndex = index, InterfaceLuid = other };
        Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceEntry(ref conflicting));
        Assert.Equal(NetIo.if_nametoindex("v1"), conflicting.InterfaceIndex);
    }

    [RootFact]
    public void Entry_UnknownIndex_IsFileNotFound_AndTheRowIsUntouched()
    {
        using var scope = Ns.Enter();
        var row = new MibIpInterfaceRow { Family = AddressFamily.InterNetworkV6, InterfaceIndex = 0xDEADBEEF, NlMtu = 77 };
        Assert.Equal(NetIoStatus.FileNotFound, NetIo.GetIpInterfaceEntry(ref row));
        Assert.Equal(77u, row.NlMtu);
    }

    [RootFact]
    public void Entry_InterfaceWithoutTheFamily_IsNotFound()
    {
        using var scope = Ns.Enter();
        foreach (var name in new[] { "vx0", "vs0" })
        {
            var row = new MibIpInterfaceRow { Family = AddressFamily.InterNetworkV6, InterfaceIndex = NetIo.if_nametoindex(name) };
            Assert.Equal(NetIoStatus.NotFound, NetIo.GetIpInterfaceEntry(ref row));
            Assert.Equal("Family", NetIo.LastErrorDetail?.Argument);
        }
    }

    private static MibIpInterfaceRow Garbage()
    {
        var row = default(MibIpInterfaceRow);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<MibIpInterfaceRow>(ref row)).Fill(0xCC);
        return row;
    }
}
