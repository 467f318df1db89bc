using System.Net;
using System.Net.Sockets;
using IpHelper.Windows;

namespace IpHelper.Tests.Wine;

/// <summary>
/// The "windows:" lines: every public function whose export Wine 8 lacks (the test expects
/// NotSupported and a detail naming the export; on Windows they would reach iphlpapi), and what the
/// Linux extensions do on Windows.
/// </summary>
internal static class WindowsOnly
{
    public static void Run(ProbeWriter probe)
    {
        NetIo.ConvertInterfaceAliasToLuid("lo", out var lo);
        var address = SockAddrInet.FromIPAddress(IPAddress.Parse("203.0.113.5"));
        var unicast = new MibUnicastIpAddressRow { Address = address, InterfaceLuid = lo, OnLinkPrefixLength = 24 };
        probe.Line("windows:GetIfStackTable", NetIo.GetIfStackTable(out _));
        probe.Line("windows:GetInvertedIfStackTable", NetIo.GetInvertedIfStackTable(out _));
        var ipInterface = new MibIpInterfaceRow { Family = AddressFamily.InterNetwork, InterfaceLuid = lo };
        probe.Line("windows:GetIpInterfaceEntry", NetIo.GetIpInterfaceEntry(ref ipInterface));
        NetIo.InitializeIpInterfaceEntry(out var setInterface);
        setInterface.Family = AddressFamily.InterNetwork;
        setInterface.InterfaceLuid = lo;
        probe.Line("windows:SetIpInterfaceEntry", NetIo.SetIpInterfaceEntry(ref setInterface));
        probe.Line("windows:CreateUnicastIpAddressEntry", NetIo.CreateUnicastIpAddressEntry(unicast));
        probe.Line("windows:SetUnicastIpAddressEntry", NetIo.SetUnicastIpAddressEntry(unicast));
        probe.Line("windows:DeleteUnicastIpAddressEntry", NetIo.DeleteUnicastIpAddressEntry(unicast));
        var v6 = SockAddrInet.FromIPAddress(IPAddress.Parse("2001:db8::5"));
        var anycast = new MibAnycastIpAddressRow { Address = v6, InterfaceLuid = lo };
        probe.Line("windows:GetAnycastIpAddressTable", NetIo.GetAnycastIpAddressTable(AddressFamily.Unspecified, out _));
        probe.Line("windows:GetAnycastIpAddressEntry", NetIo.GetAnycastIpAddressEntry(ref anycast));
        probe.Line("windows:CreateAnycastIpAddressEntry", NetIo.CreateAnycastIpAddressEntry(anycast));
        probe.Line("windows:DeleteAnycastIpAddressEntry", NetIo.DeleteAnycastIpAddressEntry(anycast));
        var multicast = new MibMulticastIpAddressRow { Address = SockAddrInet.FromIPAddress(IPAddress.Parse("224.0.0.1")), InterfaceLuid = lo };
        probe.Line("windows:GetMulticastIpAddressTable", NetIo.GetMulticastIpAddressTable(AddressFamily.Unspecified, out _));
        probe.Line("windows:GetMulticastIpAddressEntry", NetIo.GetMulticastIpAddressEntry(ref multicast));
        var neighbor = new MibIpNetRow2 { Address = address, InterfaceLuid = lo };
        probe.Line("windows:GetIpNetEntry2", NetIo.GetIpNetEntry2(ref neighbor));
        neighbor.SetPhysicalAddress([2, 0, 0, 0, 0, 5]);
        neighbor.State = NlNeighborState.NlnsPermanent;
        probe.Line("windows:CreateIpNetEntry2", NetIo.CreateIpNetEntry2(neighbor));
        probe.Line("windows:SetIpNetEntry2", NetIo.SetIpNetEntry2(ref neighbor));
        probe.Line("windows:DeleteIpNetEntry2", NetIo.DeleteIpNetEntry2(neighbor));
        probe.Line("windows:FlushIpNetTable2", NetIo.FlushIpNetTable2(AddressFamily.InterNetwork, 0));
        var resolve = new MibIpNetRow2 { Address = address, InterfaceLuid = lo };
        probe.Line("windows:ResolveIpNetEntry2", NetIo.ResolveIpNetEntry2(ref resolve));
        probe.Line("windows:GetIpPathTable", NetIo.GetIpPathTable(AddressFamily.Unspecified, out _));
        var path = new MibIpPathRow { Destination = address, InterfaceLuid = lo };
        probe.Line("windows:GetIpPathEntry", NetIo.GetIpPathEntry(ref path));
        probe.Line("windows:FlushIpPathTable", NetIo.FlushIpPathTable(AddressFamily.Unspecified));
        NetIo.InitializeIpForwardEntry(out var route);
        route.InterfaceLuid = lo;
        route.DestinationPrefix = new IpAddressPrefix(SockAddrInet.FromIPAddress(IPAddress.Parse("198.51.100.0")), 24);
        route.NextHop = SockAddrInet.FromIPAddress(IPAddress.Any);
        probe.Line("windows:GetIpForwardEntry2", NetIo.GetIpForwardEntry2(ref route));
        probe.Line("windows:CreateIpForwardEntry2", NetIo.CreateIpForwardEntry2(route));
        probe.Line("windows:SetIpForwardEntry2", NetIo.SetIpForwardEntry2(route));
        probe.Line("windows:DeleteIpForwardEntry2", NetIo.DeleteIpForwardEntry2(route));
        var results = new NetIoErrorDetail?[2];
        var batch = NetIo.CreateIpForwardEntries2([route, route], results);
        probe.Line("windows:CreateIpForwardEntries2", batch, $"results={string.Join(';', results.Select(r => r?.ToString() ?? "null"))}");
        probe.Line("windows:GetTeredoPort (backend)", WindowsBackend.GetTeredoPort(out _));
        probe.Line("windows:GetCurrentThreadCompartmentId", WindowsBackend.GetCurrentThreadCompartmentId(out var compartment), compartment.ToString(System.Globalization.CultureInfo.InvariantCulture));
        probe.Line("windows:SetCurrentThreadCompartmentId", WindowsBackend.SetCurrentThreadCompartmentId(1));
        var stable = NetIo.NotifyStableUnicastIpAddressTable(AddressFamily.Unspecified, out var stableTable, (_, table) => table.Dispose(), null, out var stableHandle);
        stableTable?.Dispose();
        stableHandle?.Dispose();
        probe.Line("windows:NotifyStableUnicastIpAddressTable", stable);
        var teredo = NetIo.NotifyTeredoPortChange((_, _, _) => { }, null, initialNotification: true, out var teredoHandle);
        teredoHandle?.Dispose();
        probe.Line("windows:NotifyTeredoPortChange", teredo);
        Extensions(probe);
    }

    /// <summary>What the Linux-only parts of the API do on Windows.</summary>
    private static void Extensions(ProbeWriter probe)
    {
        using (RouteTables.Enter(RouteTables.Main))
            probe.Line("windows:RouteTables.Enter GetIpForwardTable2", NetIo.GetIpForwardTable2(AddressFamily.Unspecified, out _));
        probe.Line("windows:NetNamespace.Enter", NetIoStatus.Success, Outcome(() => NetNamespace.Enter("iph-wine-none").Dispose()));
        probe.Line("windows:NetNamespace.Enter compartment", NetIoStatus.Success, Outcome(() => NetNamespace.Enter("1").Dispose()));
        probe.Line("windows:NetIo.GetTeredoPort", NetIoStatus.Success, Outcome(() => NetIo.GetTeredoPort(out _)));
        probe.Line("windows:NetIo.NotifyRouteChange2", NetIoStatus.Success, Outcome(() =>
        {
            var status = NetIo.NotifyRouteChange2(AddressFamily.Unspecified, (_, _, _) => { }, null, false, out var handle);
            NetIo.CancelMibChangeNotify2(handle);
            return status;
        }));
        var registered = new WindowsBackend().NotifyRouteChange2(AddressFamily.Unspecified, (_, _) => { }, initialNotification: false, out var routes);
        routes?.Dispose();
        probe.Line("windows:NotifyRouteChange2 (backend)", registered);
        registered = new WindowsBackend().NotifyIpInterfaceChange(AddressFamily.Unspecified, (_, _) => { }, initialNotification: false, out var interfaces);
        interfaces?.Dispose();
        probe.Line("windows:NotifyIpInterfaceChange (backend)", registered);
    }

    /// <summary>A status, or the type and message of the exception, as one line of text.</summary>
    private static string Outcome(Func<NetIoStatus> call)
    {
        try
        {
            var status = call();
            return status == NetIoStatus.Success ? "Success" : $"{status}: {NetIo.LastErrorDetail?.Message}";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Outcome(Action call) => Outcome(() =>
    {
        call();
        return NetIoStatus.Success;
    });
}
