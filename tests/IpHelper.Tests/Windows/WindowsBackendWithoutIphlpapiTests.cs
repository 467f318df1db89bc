using System.Net.Sockets;
using IpHelper.Windows;
using Xunit;

namespace IpHelper.Tests.Windows;

/// <summary>
/// The Windows backend where iphlpapi.dll cannot be loaded at all (here, on Linux): every operation is a
/// missing export, NotSupported with a detail naming it, never an exception, and no output is filled.
/// </summary>
public sealed class WindowsBackendWithoutIphlpapiTests
{
    private readonly WindowsBackend _backend = new();

    [Fact]
    public void LookupInterface_ByIndex_IsNotSupported_NamingTheExport()
    {
        Assert.Equal(NetIoStatus.NotSupported, _backend.LookupInterface(1, out var identity));
        Assert.Equal(default, identity);
        AssertMissing("ConvertInterfaceIndexToLuid");
    }

    [Fact]
    public void Tables_AreNotSupported_WithoutATable()
    {
        Assert.Equal(NetIoStatus.NotSupported, _backend.GetIfTable(withStatistics: true, out var interfaces));
        Assert.Null(interfaces);
        AssertMissing("GetIfTable2Ex");
        Assert.Equal(NetIoStatus.NotSupported, _backend.GetIpForwardTable(AddressFamily.Unspecified, RouteTableSelection.Default, out var routes));
        Assert.Null(routes);
        AssertMissing("GetIpForwardTable2");
        Assert.Equal(NetIoStatus.NotSupported, _backend.GetIpNetTable(AddressFamily.InterNetwork, out var neighbors));
        Assert.Null(neighbors);
        AssertMissing("GetIpNetTable2");
    }

    [Fact]
    public void Entries_AreNotSupported_AndLeaveTheRowAsItWas()
    {
        var row = new MibIfRow2 { InterfaceIndex = 7, Mtu = 1234 };
        Assert.Equal(NetIoStatus.NotSupported, _backend.GetIfEntry(7, withStatistics: true, ref row));
        Assert.Equal(1234u, row.Mtu);
        AssertMissing("GetIfEntry2Ex");
    }

    [Fact]
    public void RouteTableSelection_OtherThanTheDefault_IsNotSupported_BeforeAnyCall()
    {
        var single = new RouteTableSelection(RouteTableSelection.SelectionKind.Single, RouteTables.Main);
        Assert.Equal(NetIoStatus.NotSupported, _backend.GetIpForwardTable(AddressFamily.Unspecified, single, out var table));
        Assert.Null(table);
        Assert.Equal("RouteTables", NetIo.LastErrorDetail?.Argument);
    }

    [Fact]
    public void Notifications_AreNotSupported_AndRegisterNothing()
    {
        var calls = 0;
        Assert.Equal(NetIoStatus.NotSupported,
            _backend.NotifyUnicastIpAddressChange(AddressFamily.Unspecified, (_, _) => calls++, initialNotification: true, out var registration));
        Assert.Null(registration);
        Assert.Equal(0, calls);
        AssertMissing("NotifyUnicastIpAddressChange");
    }

    [Fact]
    public void Compartments_AndTeredo_AreNotSupported()
    {
        Assert.Equal(NetIoStatus.NotSupported, WindowsBackend.GetCurrentThreadCompartmentId(out var compartment));
        Assert.Equal(0u, compartment);
        AssertMissing("GetCurrentThreadCompartmentId");
        Assert.Equal(NetIoStatus.NotSupported, WindowsBackend.SetCurrentThreadCompartmentId(1));
        AssertMissing("SetCurrentThreadCompartmentId");
        Assert.Equal(NetIoStatus.NotSupported, WindowsBackend.GetTeredoPort(out var port));
        Assert.Equal(0, port);
        AssertMissing("GetTeredoPort");
    }

    private static void AssertMissing(string export)
    {
        var detail = NetIo.LastErrorDetail;
        Assert.NotNull(detail);
        Assert.Equal(NetIoStatus.NotSupported, detail.Status);
        Assert.Equal($"iphlpapi.dll does not export {export}", detail.Message);
        Assert.Equal(export, detail.Argument);
        Assert.Equal(0, detail.Errno);
    }
}
