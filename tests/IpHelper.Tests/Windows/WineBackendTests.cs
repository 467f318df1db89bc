using System.Text.Json;
using IpHelper.Tests.Cli;
using Xunit;

namespace IpHelper.Tests.Windows;

/// <summary>
/// The Windows backend under Wine against the Linux backend, in the same test namespace (docs/windows.md):
/// every function Wine 8 implements gives the same answer for the fields Wine reads from the kernel; the
/// functions it lacks fail with NotSupported naming the export; the Linux extensions do what
/// docs/windows.md says on Windows. Wine ran first, so its counters may only be lower than Linux's.
/// </summary>
public sealed class WineBackendTests(WineRun run) : IClassFixture<WineRun>
{
    /// <summary>The functions Wine 8 does not export (docs/windows.md lists what would verify each on Windows).</summary>
    public static readonly TheoryData<string, string> MissingExports = new()
    {
        { "GetIfStackTable", "GetIfStackTable" }, { "GetInvertedIfStackTable", "GetIfStackTable" },
        { "GetIpInterfaceEntry", "GetIpInterfaceEntry" }, { "SetIpInterfaceEntry", "SetIpInterfaceEntry" },
        { "CreateUnicastIpAddressEntry", "CreateUnicastIpAddressEntry" }, { "SetUnicastIpAddressEntry", "SetUnicastIpAddressEntry" },
        { "DeleteUnicastIpAddressEntry", "DeleteUnicastIpAddressEntry" }, { "GetAnycastIpAddressTable", "GetAnycastIpAddressTable" },
        { "GetAnycastIpAddressEntry", "GetAnycastIpAddressEntry" }, { "CreateAnycastIpAddressEntry", "CreateAnycastIpAddressEntry" },
        { "DeleteAnycastIpAddressEntry", "DeleteAnycastIpAddressEntry" }, { "GetMulticastIpAddressTable", "GetMulticastIpAddressTable" },
        { "GetMulticastIpAddressEntry", "GetMulticastIpAddressEntry" }, { "GetIpNetEntry2", "GetIpNetEntry2" },
        { "CreateIpNetEntry2", "CreateIpNetEntry2" }, { "SetIpNetEntry2", "SetIpNetEntry2" }, { "DeleteIpNetEntry2", "DeleteIpNetEntry2" },
        { "FlushIpNetTable2", "FlushIpNetTable2" }, { "ResolveIpNetEntry2", "ResolveIpNetEntry2" }, { "GetIpPathTable", "GetIpPathTable" },
        { "GetIpPathEntry", "GetIpPathEntry" }, { "FlushIpPathTable", "FlushIpPathTable" }, { "GetIpForwardEntry2", "GetIpForwardEntry2" },
        { "CreateIpForwardEntry2", "CreateIpForwardEntry2" }, { "SetIpForwardEntry2", "SetIpForwardEntry2" },
        { "DeleteIpForwardEntry2", "DeleteIpForwardEntry2" }, { "CreateIpForwardEntries2", "CreateIpForwardEntry2" },
        { "GetTeredoPort (backend)", "GetTeredoPort" }, { "GetCurrentThreadCompartmentId", "GetCurrentThreadCompartmentId" },
        { "SetCurrentThreadCompartmentId", "SetCurrentThreadCompartmentId" },
        { "NotifyStableUnicastIpAddressTable", "NotifyStableUnicastIpAddressTable" }, { "NotifyTeredoPortChange", "NotifyTeredoPortChange" },
    };

    private WineRun.Outcome R => run.Result;

    [WineFact]
    public void CliPublish_ForWinX64_IsTrimmedWithoutWarnings()
    {
        var cost = $"Wine suite: two win-x64 publishes {R.PublishTime.TotalSeconds:F1} s, the Wine run {R.WineTime.TotalSeconds:F1} s";
        TestContext.Current.TestOutputHelper?.WriteLine(cost);
        TestContext.Current.SendDiagnosticMessage(cost);
        Assert.Empty(R.CliPublishWarnings);
    }

    [WineFact]
    public void Conversions_MatchLinuxBackend()
    {
        var calls = R.Wine.Keys.Where(c => c.StartsWith("Convert", StringComparison.Ordinal) || c.StartsWith("if_", StringComparison.Ordinal)).ToList();
        Assert.Contains("ConvertInterfaceAliasToLuid v0", calls);
        foreach (var call in calls)
        {
            var (wine, linux) = Line(call);
            Assert.Equal((linux.Status, linux.Detail, linux.Argument), (wine.Status, wine.Detail, wine.Argument));
            // Wine derives the GUID from the index ({index-0000-0000-0000-"NetDev"}); the round trip is what both keep.
            if (!call.StartsWith("ConvertInterfaceLuidToGuid ", StringComparison.Ordinal)) Assert.True(linux.Value == wine.Value, $"{call}: Wine {wine.Value}, Linux {linux.Value}");
        }
    }

    [WineFact]
    public void GetIfTable2_AndGetIfEntry2_MatchLinuxBackend()
    {
        var calls = R.Wine.Keys.Where(c => (c.StartsWith("GetIfTable2", StringComparison.Ordinal) || c.StartsWith("GetIfEntry2 ", StringComparison.Ordinal))
            && c is not ("GetIfTable2Ex 7" or "GetIfEntry2 4000000")).ToList();
        Assert.Equal(1 + 3 + 3, calls.Count); // the table, its three levels, and the entry of lo, v0 and v1
        var differences = new List<string>();
        foreach (var call in calls)
        {
            var (wine, linux) = Line(call);
            differences.AddRange(RowComparison.Compare<MibIfRow2>(wine, linux, r => r.Alias, wineIsSubset: false,
                ("InterfaceLuid", r => r.InterfaceLuid.Value), ("InterfaceIndex", r => r.InterfaceIndex), ("Mtu", r => r.Mtu), ("Type", r => r.Type),
                ("TunnelType", r => r.TunnelType), ("PhysicalMediumType", r => r.PhysicalMediumType), ("AccessType", r => r.AccessType),
                ("DirectionType", r => r.DirectionType), ("OperStatus", r => r.OperStatus), ("AdminStatus", r => r.AdminStatus),
                ("MediaConnectState", r => r.MediaConnectState), ("ConnectionType", r => r.ConnectionType),
                ("PhysicalAddress", r => r.Type == IfType.SoftwareLoopback ? null : r.GetPhysicalAddressBytes().ToArray())));
            if (call.EndsWith("WithoutStatistics", StringComparison.Ordinal)) continue;
            var linuxRows = linux.Rows<MibIfRow2>().ToDictionary(r => r.InterfaceIndex);
            foreach (var row in wine.Rows<MibIfRow2>())
            {
                var later = linuxRows[row.InterfaceIndex];
                if (row.InOctets > later.InOctets || row.OutOctets > later.OutOctets || row.InUcastPkts > later.InUcastPkts)
                    differences.Add($"{call}: {row.Alias} counters under Wine ({row.InOctets}/{row.OutOctets}) above the later Linux read ({later.InOctets}/{later.OutOctets})");
            }
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [WineFact]
    public void GetUnicastIpAddressTable_AndEntry_MatchLinuxBackend()
    {
        var calls = R.Wine.Keys.Where(c => c.StartsWith("GetUnicastIpAddress", StringComparison.Ordinal) && !c.Contains("AppleTalk") && !c.Contains("203.0.113.99")).ToList();
        Assert.Contains("GetUnicastIpAddressEntry 3 2001:db8:1::1", calls);
        var differences = new List<string>();
        foreach (var call in calls)
        {
            var (wine, linux) = Line(call);
            // Lifetimes (Wine: 60000), origins and CreationTimeStamp are Wine's own values, not the kernel's.
            differences.AddRange(RowComparison.Compare<MibUnicastIpAddressRow>(wine, linux, r => $"{r.InterfaceIndex} {r.Address}", wineIsSubset: false,
                ("InterfaceLuid", r => r.InterfaceLuid.Value), ("OnLinkPrefixLength", r => r.OnLinkPrefixLength), ("SkipAsSource", r => r.SkipAsSource),
                ("DadState", r => r.DadState), ("ScopeId", r => r.ScopeId.Value)));
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [WineFact]
    public void GetIpForwardTable2_IPv4_IsTheMainTableOfLinux()
    {
        var main = R.Netns.IpJson("-4", "route", "show", "table", "main").EnumerateArray()
            .Select(route => route.GetProperty("dst").GetString() == "default" ? "0.0.0.0/0" : route.GetProperty("dst").GetString()!)
            .Select(dst => dst.Contains('/') ? dst : dst + "/32").Order().ToList();
        var differences = new List<string>();
        foreach (var call in (string[])["GetIpForwardTable2 Unspecified", "GetIpForwardTable2 InterNetwork"])
        {
            var (wine, linux) = Line(call);
            Assert.Equal(main, wine.Rows<MibIpForwardRow2>().Select(r => r.DestinationPrefix.ToString()).Order().ToList());
            // Wine reads /proc/net/route: the main table only. Origin and AutoconfigureAddress are its own.
            differences.AddRange(RowComparison.Compare<MibIpForwardRow2>(wine, linux, r => $"{r.InterfaceIndex} {r.DestinationPrefix} {r.NextHop}", wineIsSubset: true,
                ("InterfaceLuid", r => r.InterfaceLuid.Value), ("SitePrefixLength", r => r.SitePrefixLength), ("ValidLifetime", r => r.ValidLifetime),
                ("PreferredLifetime", r => r.PreferredLifetime), ("Metric", r => r.Metric), ("Protocol", r => r.Protocol), ("Loopback", r => r.Loopback),
                ("Publish", r => r.Publish), ("Immortal", r => r.Immortal), ("Age", r => r.Age)));
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.Contains("198.51.100.0/24", main);
    }

    /// <summary>The streaming extension on Windows is GetIpForwardTable2 and its rows: the same rows, NotFound an empty stream.</summary>
    [WineFact]
    public void EnumerateIpForwardTable2_OnWindows_HandsOutGetIpForwardTable2sRows()
    {
        foreach (var family in (string[])["Unspecified", "InterNetwork", "InterNetworkV6"])
        {
            var (streamed, linux) = Line($"EnumerateIpForwardTable2 {family}");
            var table = R.Wine[$"GetIpForwardTable2 {family}"];
            Assert.Equal(NetIoStatus.Success, streamed.Status);
            Assert.Equal("interrupted=False", streamed.Value);
            Assert.Equal(table.RawRows, streamed.RawRows);
            Assert.Equal(NetIoStatus.Success, linux.Status);
            Assert.Equal(R.Linux[$"GetIpForwardTable2 {family}"].Rows<MibIpForwardRow2>().Select(r => $"{r.InterfaceIndex} {r.DestinationPrefix} {r.NextHop}"),
                linux.Rows<MibIpForwardRow2>().Select(r => $"{r.InterfaceIndex} {r.DestinationPrefix} {r.NextHop}"));
        }
    }

    [WineFact]
    public void GetIpForwardTable2_IPv6_Wine8ReturnsNoRoute_NotFoundAsWhenEmpty()
    {
        var (wine, linux) = Line("GetIpForwardTable2 InterNetworkV6");
        Assert.Equal(NetIoStatus.Success, linux.Status);
        Assert.NotEmpty(linux.RawRows);
        Assert.Equal(NetIoStatus.NotFound, wine.Status);
        Assert.Equal("Family", wine.Argument);
    }

    [WineFact]
    public void GetIpNetTable2_IPv4_KernelEntriesMatchLinuxBackend()
    {
        var (wine, linux) = Line("GetIpNetTable2 InterNetwork");
        var wineRows = wine.Rows<MibIpNetRow2>().ToDictionary(r => $"{r.InterfaceIndex} {r.Address}");
        var neighbor = linux.Rows<MibIpNetRow2>().Single(r => r.Address.ToString() == "192.0.2.2");
        Assert.True(wineRows.TryGetValue($"{neighbor.InterfaceIndex} 192.0.2.2", out var row), "Wine lacks the neighbour 192.0.2.2");
        Assert.Equal(neighbor.InterfaceLuid, row.InterfaceLuid);
        Assert.Equal(neighbor.GetPhysicalAddressBytes().ToArray(), row.GetPhysicalAddressBytes().ToArray());
        Assert.Equal(neighbor.State, row.State);
        Assert.Equal(neighbor.Flags, row.Flags);
        // Beside the kernel's entries Wine lists 224.0.0.22 and 239.255.255.250 on every interface, as Windows does.
        Assert.All(wineRows.Values.Where(r => r.Address.ToString() != "192.0.2.2"),
            r => Assert.Contains(r.Address.ToString(), (string[])["224.0.0.22", "239.255.255.250"]));
    }

    [WineFact]
    public void CreateSortedAddressPairs_IPv4Mapped_KeepsDestinations_WineLeavesSourcesUnspecified()
    {
        var (wine, linux) = Line("CreateSortedAddressPairs IPv4-mapped");
        Assert.Equal(NetIoStatus.Success, wine.Status);
        var winePairs = wine.Rows<SockAddrIn6Pair>();
        Assert.Equal(linux.Rows<SockAddrIn6Pair>().Select(p => p.DestinationAddress.ToString()).Order(), winePairs.Select(p => p.DestinationAddress.ToString()).Order());
        Assert.All(winePairs, p => Assert.True(p.SourceAddress.IsUnspecified && p.SourceAddress.Family == System.Net.Sockets.AddressFamily.InterNetworkV6));
    }

    [WineFact]
    public void Errors_DecidedByNetIo_AreTheSameOnBothBackends()
    {
        foreach (var call in (string[])["ConvertInterfaceIndexToLuid 4000000", "ConvertInterfaceAliasToLuid no-such-alias", "ConvertInterfaceLuidToGuid unknown",
            "ConvertInterfaceNameToLuidW ethernet_4000000", "GetIfTable2Ex 7", "GetIfEntry2 4000000", "GetUnicastIpAddressTable AppleTalk",
            "GetIpForwardTable2 AppleTalk", "CreateSortedAddressPairs IPv4"])
        {
            var (wine, linux) = Line(call);
            Assert.NotEqual(NetIoStatus.Success, linux.Status);
            Assert.Equal((linux.Status, linux.Detail, linux.Argument), (wine.Status, wine.Detail, wine.Argument));
        }
        var (missingWine, missingLinux) = Line("GetUnicastIpAddressEntry lo 203.0.113.99");
        Assert.Equal((NetIoStatus.NotFound, NetIoStatus.NotFound), (missingWine.Status, missingLinux.Status));
        Assert.Equal("GetUnicastIpAddressEntry returned NotFound (1168)", missingWine.Detail);
    }

    [WineFact]
    public void NotifyUnicastIpAddressChange_DeliversTheInitialNotification()
    {
        var (wine, linux) = Line("NotifyUnicastIpAddressChange initial");
        Assert.Equal((NetIoStatus.Success, NetIoStatus.Success), (wine.Status, linux.Status));
        Assert.StartsWith("initial=1 other=0", wine.Value);
        Assert.StartsWith("initial=1 other=0", linux.Value);
    }

    [WineFact]
    public void Wine8Stubs_GetIpInterfaceTable_AndGetBestRoute2_ReturnTheirNotSupported()
    {
        foreach (var call in R.Wine.Keys.Where(c => c.StartsWith("GetIpInterfaceTable ", StringComparison.Ordinal) || c.StartsWith("GetBestRoute2 ", StringComparison.Ordinal)))
        {
            var (wine, linux) = Line(call);
            Assert.Equal(NetIoStatus.Success, linux.Status);
            Assert.Equal(NetIoStatus.NotSupported, wine.Status);
            Assert.Equal($"{call.Split(' ')[0]} returned NotSupported (50)", wine.Detail);
        }
    }

    [WineTheory]
    [MemberData(nameof(MissingExports))]
    public void MissingExport_FailsWithNotSupported_NamingTheExport(string call, string export)
    {
        var line = R.Wine[$"windows:{call}"];
        Assert.Equal(NetIoStatus.NotSupported, line.Status);
        Assert.Equal($"iphlpapi.dll does not export {export}", line.Detail);
        Assert.Equal(export, line.Argument);
    }

    [WineFact]
    public void RouteTables_OnWindows_IsNotSupported()
    {
        var line = R.Wine["windows:RouteTables.Enter GetIpForwardTable2"];
        Assert.Equal(NetIoStatus.NotSupported, line.Status);
        Assert.Equal("RouteTables", line.Argument);
    }

    [WineFact]
    public void RouteBatch_OnWindows_IsOneCreateIpForwardEntry2PerRow()
    {
        // Wine lacks CreateIpForwardEntry2, so the loop stops before its first call and no row has an outcome.
        var line = R.Wine["windows:CreateIpForwardEntries2"];
        Assert.Equal(NetIoStatus.NotSupported, line.Status);
        Assert.Equal("results=null;null", line.Value);
    }

    [WineFact]
    public void BackendNotifications_WineStubsRegisterWithoutAHandle_AndCancelCleanly()
    {
        Assert.Equal(NetIoStatus.Success, R.Wine["windows:NotifyRouteChange2 (backend)"].Status);
        Assert.Equal(NetIoStatus.Success, R.Wine["windows:NotifyIpInterfaceChange (backend)"].Status);
    }

    /// <summary>
    /// Namespaces, Teredo and NetIo's notification functions go through the backend: on Windows a network
    /// namespace is a compartment entered by its ID (a name that is not one is InvalidParameter, and Wine 8
    /// has no compartment exports, so entering one is the missing-export NotSupported, thrown as Enter
    /// documents); GetTeredoPort and NotifyRouteChange2 reach iphlpapi; none loads libc.
    /// </summary>
    [WineFact]
    public void LinuxExtensions_OnWindows_GoThroughTheBackend()
    {
        foreach (var call in (string[])["windows:NetNamespace.Enter", "windows:NetNamespace.Enter compartment", "windows:NetIo.GetTeredoPort",
            "windows:NetIo.NotifyRouteChange2"])
            Assert.DoesNotContain("DllNotFoundException", R.Wine[call].Value, StringComparison.Ordinal);
        Assert.StartsWith("NetIoException: InvalidParameter (87): 'iph-wine-none' is not a compartment ID", R.Wine["windows:NetNamespace.Enter"].Value,
            StringComparison.Ordinal);
        Assert.Equal("NetIoException: NotSupported (50): iphlpapi.dll does not export GetCurrentThreadCompartmentId",
            R.Wine["windows:NetNamespace.Enter compartment"].Value);
        Assert.Equal("Success", R.Wine["windows:NetIo.NotifyRouteChange2"].Value);
    }

    [WineFact]
    public void InterfaceListJson_UnderWine_AgreesWithTheNativeLinuxRun()
    {
        using var wine = JsonDocument.Parse(R.WineInterfaceJson);
        using var linux = JsonDocument.Parse(R.LinuxInterfaceJson);
        var linuxRows = linux.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Alias").GetString()!);
        Assert.Equal(linuxRows.Keys.Order(), wine.RootElement.EnumerateArray().Select(r => r.GetProperty("Alias").GetString()!).Order());
        string[] fields = ["InterfaceLuid", "InterfaceIndex", "Mtu", "Type", "TunnelType", "PhysicalMediumType", "AccessType", "DirectionType",
            "OperStatus", "AdminStatus", "MediaConnectState", "ConnectionType"];
        foreach (var row in wine.RootElement.EnumerateArray())
        {
            var other = linuxRows[row.GetProperty("Alias").GetString()!];
            foreach (var field in fields) Assert.Equal(other.GetProperty(field).GetRawText(), row.GetProperty(field).GetRawText());
            if (row.GetProperty("Alias").GetString() != "lo")
                Assert.Equal(other.GetProperty("PhysicalAddress").GetString(), row.GetProperty("PhysicalAddress").GetString());
        }
    }

    private (ProbeLine Wine, ProbeLine Linux) Line(string call)
    {
        Assert.True(R.Wine.TryGetValue(call, out var wine), $"no Wine line {call}");
        Assert.True(R.Linux.TryGetValue(call, out var linux), $"no Linux line {call}");
        return (wine!, linux!);
    }
}
