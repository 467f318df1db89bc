using System.Net;
using System.Net.Sockets;

namespace IpHelper.Tests.Wine;

/// <summary>
/// The calls the Wine tests compare: run under Wine they go through the Windows backend (iphlpapi.dll),
/// run in-process on Linux through rtnetlink, in the same network namespace. Lines whose key starts
/// with "windows:" exist on Windows only (missing exports, the Linux extensions, the backend's own
/// notification registrations).
/// </summary>
public static class WineProbe
{
    public static readonly AddressFamily[] Families = [AddressFamily.Unspecified, AddressFamily.InterNetwork, AddressFamily.InterNetworkV6];

    public static void Run(TextWriter output)
    {
        var probe = new ProbeWriter(output);
        var aliases = Interfaces(probe);
        Addresses(probe);
        Routes(probe);
        probe.Line("GetIpNetTable2 InterNetwork", NetIo.GetIpNetTable2(AddressFamily.InterNetwork, out var neighbors), neighbors);
        foreach (var family in Families)
            probe.Line($"GetIpInterfaceTable {family}", NetIo.GetIpInterfaceTable(family, out var table), table);
        BestRoutes(probe);
        SortedPairs(probe);
        Errors(probe, aliases);
        UnicastNotification(probe);
        if (OperatingSystem.IsWindows()) WindowsOnly.Run(probe);
    }

    private static List<string> Interfaces(ProbeWriter probe)
    {
        var aliases = new List<string>();
        var status = NetIo.GetIfTable2(out var table);
        using (table)
        {
            probe.Line("GetIfTable2", status, table is null ? [] : table.AsSpan());
            foreach (var row in table ?? MibTable<MibIfRow2>.Empty()) aliases.Add(row.Alias);
        }
        foreach (var level in (MibIfTableLevel[])[MibIfTableLevel.MibIfTableNormal, MibIfTableLevel.MibIfTableRaw, MibIfTableLevel.MibIfTableNormalWithoutStatistics])
            probe.Line($"GetIfTable2Ex {level}", NetIo.GetIfTable2Ex(level, out var byLevel), byLevel);
        Span<char> name = stackalloc char[NetIo.IF_NAMESIZE];
        foreach (var alias in aliases)
        {
            var luidStatus = NetIo.ConvertInterfaceAliasToLuid(alias, out var luid);
            probe.Line($"ConvertInterfaceAliasToLuid {alias}", luidStatus, luid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            probe.Line($"ConvertInterfaceLuidToIndex {alias}", NetIo.ConvertInterfaceLuidToIndex(luid, out var index), index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            probe.Line($"ConvertInterfaceIndexToLuid {alias}", NetIo.ConvertInterfaceIndexToLuid(index, out var back), back.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            probe.Line($"ConvertInterfaceLuidToGuid {alias}", NetIo.ConvertInterfaceLuidToGuid(luid, out var guid), guid.ToString());
            probe.Line($"ConvertInterfaceGuidToLuid {alias}", NetIo.ConvertInterfaceGuidToLuid(guid, out var fromGuid), fromGuid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            probe.Line($"ConvertInterfaceLuidToAlias {alias}", NetIo.ConvertInterfaceLuidToAlias(luid, out string? aliasBack), aliasBack);
            var nameStatus = NetIo.ConvertInterfaceLuidToNameW(luid, name);
            var nameText = nameStatus == NetIoStatus.Success ? new string(name[..name.IndexOf('\0')]) : null;
            probe.Line($"ConvertInterfaceLuidToNameW {alias}", nameStatus, nameText);
            probe.Line($"ConvertInterfaceNameToLuidW {alias}", NetIo.ConvertInterfaceNameToLuidW(nameText, out var fromName), fromName.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            probe.Line($"if_nametoindex {alias}", NetIoStatus.Success, NetIo.if_nametoindex(nameText).ToString(System.Globalization.CultureInfo.InvariantCulture));
            probe.Line($"if_indextoname {alias}", NetIoStatus.Success, NetIo.if_indextoname(index));
            var row = new MibIfRow2 { InterfaceLuid = luid };
            probe.Row($"GetIfEntry2 {alias}", NetIo.GetIfEntry2(ref row), row);
        }
        return aliases;
    }

    private static void Addresses(ProbeWriter probe)
    {
        foreach (var family in Families)
            probe.Line($"GetUnicastIpAddressTable {family}", NetIo.GetUnicastIpAddressTable(family, out var table), table);
        NetIo.GetUnicastIpAddressTable(AddressFamily.Unspecified, out var all);
        using (all)
        {
            foreach (var address in all ?? MibTable<MibUnicastIpAddressRow>.Empty())
            {
                var row = new MibUnicastIpAddressRow { Address = address.Address, InterfaceLuid = address.InterfaceLuid };
                probe.Row($"GetUnicastIpAddressEntry {address.InterfaceIndex} {address.Address}", NetIo.GetUnicastIpAddressEntry(ref row), row);
            }
        }
    }

    private static void Routes(ProbeWriter probe)
    {
        foreach (var family in Families)
            probe.Line($"GetIpForwardTable2 {family}", NetIo.GetIpForwardTable2(family, out var table), table);
        foreach (var family in Families)
        {
            var status = NetIo.EnumerateIpForwardTable2(family, out var stream);
            var rows = new List<MibIpForwardRow2>();
            if (stream is not null)
                foreach (ref readonly var row in stream) rows.Add(row);
            probe.Line($"EnumerateIpForwardTable2 {family}", stream?.Status ?? status, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows),
                stream is null ? null : $"interrupted={stream.Interrupted}");
        }
    }

    private static void BestRoutes(ProbeWriter probe)
    {
        foreach (var destination in (string[])["192.0.2.77", "198.51.100.200", "2001:db8:1::77", "127.0.0.1"])
        {
            var status = NetIo.GetBestRoute2(null, 0, null, SockAddrInet.FromIPAddress(IPAddress.Parse(destination)), 0, out var route, out var source);
            probe.Line($"GetBestRoute2 {destination}", status, status == NetIoStatus.Success ? [route] : ReadOnlySpan<MibIpForwardRow2>.Empty,
                status == NetIoStatus.Success ? source.ToString() : null);
        }
    }

    private static void SortedPairs(ProbeWriter probe)
    {
        SockAddrInet[] destinations = [SockAddrInet.FromIPAddress(IPAddress.Parse("::ffff:192.0.2.77")), SockAddrInet.FromIPAddress(IPAddress.Parse("::ffff:198.51.100.9"))];
        probe.Line("CreateSortedAddressPairs IPv4-mapped", NetIo.CreateSortedAddressPairs([], destinations, 0, out var pairs), pairs);
    }

    /// <summary>Documented failures decided by NetIo (the same on both backends) and the detail they leave.</summary>
    private static void Errors(ProbeWriter probe, List<string> aliases)
    {
        probe.Line("ConvertInterfaceIndexToLuid 4000000", NetIo.ConvertInterfaceIndexToLuid(4_000_000, out _));
        probe.Line("ConvertInterfaceAliasToLuid no-such-alias", NetIo.ConvertInterfaceAliasToLuid("no-such-alias", out _));
        probe.Line("ConvertInterfaceLuidToGuid unknown", NetIo.ConvertInterfaceLuidToGuid(new NetLuid(4_000_000, 6), out _));
        probe.Line("ConvertInterfaceNameToLuidW ethernet_4000000", NetIo.ConvertInterfaceNameToLuidW("ethernet_4000000", out _));
        probe.Line("GetIfTable2Ex 7", NetIo.GetIfTable2Ex((MibIfTableLevel)7, out _));
        var unknown = new MibIfRow2 { InterfaceIndex = 4_000_000 };
        probe.Line("GetIfEntry2 4000000", NetIo.GetIfEntry2(ref unknown));
        probe.Line("GetUnicastIpAddressTable AppleTalk", NetIo.GetUnicastIpAddressTable(AddressFamily.AppleTalk, out _));
        probe.Line("GetIpForwardTable2 AppleTalk", NetIo.GetIpForwardTable2(AddressFamily.AppleTalk, out _));
        probe.Line("CreateSortedAddressPairs IPv4", NetIo.CreateSortedAddressPairs([], [SockAddrInet.FromIPAddress(IPAddress.Parse("192.0.2.77"))], 0, out _));
        if (aliases.Count > 0 && NetIo.ConvertInterfaceAliasToLuid(aliases[0], out var luid) == NetIoStatus.Success)
        {
            var missing = new MibUnicastIpAddressRow { Address = SockAddrInet.FromIPAddress(IPAddress.Parse("203.0.113.99")), InterfaceLuid = luid };
            probe.Line($"GetUnicastIpAddressEntry {aliases[0]} 203.0.113.99", NetIo.GetUnicastIpAddressEntry(ref missing));
        }
    }

    /// <summary>
    /// The initial notification of NotifyUnicastIpAddressChange: how many arrived before the call returned
    /// and within two seconds after, through NetIo on both backends.
    /// </summary>
    private static void UnicastNotification(ProbeWriter probe)
    {
        var initial = 0;
        var other = 0;
        using var arrived = new ManualResetEventSlim();
        void OnChange(MibUnicastIpAddressRow? row, MibNotificationType type)
        {
            if (type == MibNotificationType.MibInitialNotification && row is null) Interlocked.Increment(ref initial);
            else Interlocked.Increment(ref other);
            arrived.Set();
        }
        var status = NetIo.NotifyUnicastIpAddressChange(AddressFamily.Unspecified, (_, row, type) => OnChange(row, type), null, true, out var handle);
        var beforeReturn = Volatile.Read(ref initial);
        arrived.Wait(TimeSpan.FromSeconds(2));
        if (handle is not null) NetIo.CancelMibChangeNotify2(handle);
        probe.Line("NotifyUnicastIpAddressChange initial", status, $"initial={Volatile.Read(ref initial)} other={Volatile.Read(ref other)} beforeReturn={beforeReturn}");
    }
}
