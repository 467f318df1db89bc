using System.Net.Sockets;
using IpHelper.Windows;
using Xunit;

namespace IpHelper.Tests.Windows;

/// <summary>
/// The Windows backend where iphlpapi.dll cannot be loaded at all (here, on Linux): every operation is a
/// missing export, NotSupported with a detail naming it, never an exception, and no output is filled.
/// The backend returns the detail; it never writes the caller's last error (NetIo records what it returns).
/// </summary>
public sealed class WindowsBackendWithoutIphlpapiTests
{
    private readonly WindowsBackend _backend = new();

    [Fact]
    public void LookupInterface_ByIndex_IsNotSupported_NamingTheExport()
    {
        var result = _backend.LookupInterface(1, out var identity);
        Assert.Equal(default, identity);
        AssertMissing(result, "ConvertInterfaceIndexToLuid");
    }

    [Fact]
    public void LookupInterface_ByLuid_AsksIphlpapi_NotTheLuidsIndex()
    {
        var result = _backend.LookupInterface(new NetLuid(1, (ushort)IfType.SoftwareLoopback), out var identity);
        Assert.Equal(default, identity);
        AssertMissing(result, "ConvertInterfaceLuidToIndex");
    }

    [Fact]
    public void Tables_AreNotSupported_WithoutATable()
    {
        AssertMissing(_backend.GetIfTable(withStatistics: true, out var interfaces), "GetIfTable2Ex");
        Assert.Null(interfaces);
        AssertMissing(_backend.GetIpForwardTable(AddressFamily.Unspecified, RouteTableSelection.Default, out var routes), "GetIpForwardTable2");
        Assert.Null(routes);
        AssertMissing(_backend.GetIpNetTable(AddressFamily.InterNetwork, out var neighbors), "GetIpNetTable2");
        Assert.Null(neighbors);
    }

    [Fact]
    public void Entries_AreNotSupported_AndLeaveTheRowAsItWas()
    {
        var row = new MibIfRow2 { InterfaceIndex = 7, Mtu = 1234 };
        AssertMissing(_backend.GetIfEntry(7, withStatistics: true, ref row), "GetIfEntry2Ex");
        Assert.Equal(1234u, row.Mtu);
    }

    [Fact]
    public void RouteTableSelection_OtherThanTheDefault_IsNotSupported_BeforeAnyCall()
    {
        var single = new RouteTableSelection(RouteTableSelection.SelectionKind.Single, RouteTables.Main);
        var result = _backend.GetIpForwardTable(AddressFamily.Unspecified, single, out var table);
        Assert.Equal(NetIoStatus.NotSupported, result.Status);
        Assert.Null(table);
        Assert.Equal("RouteTables", result.Error?.Argument);
    }

    [Fact]
    public void Notifications_AreNotSupported_AndRegisterNothing()
    {
        var calls = 0;
        var result = _backend.NotifyUnicastIpAddressChange(AddressFamily.Unspecified, (_, _) => calls++, initialNotification: true, out var registration);
        Assert.Null(registration);
        Assert.Equal(0, calls);
        AssertMissing(result, "NotifyUnicastIpAddressChange");
    }

    [Fact]
    public void NotifyStableUnicastAddressTable_IsNotSupported_WithoutTableOrHandle()
    {
        var calls = 0;
        var result = _backend.NotifyStableUnicastAddressTable(AddressFamily.Unspecified, _ => calls++, out var table, out var handle);
        Assert.Null(table);
        Assert.Null(handle);
        Assert.Equal(0, calls);
        AssertMissing(result, "NotifyStableUnicastIpAddressTable");
    }

    [Fact]
    public void NotifyTeredoPortChange_IsNotSupported_AndRegistersNothing()
    {
        var calls = 0;
        var result = _backend.NotifyTeredoPortChange((_, _) => calls++, initialNotification: true, out var registration);
        Assert.Null(registration);
        Assert.Equal(0, calls);
        AssertMissing(result, "NotifyTeredoPortChange");
    }

    [Fact]
    public void Compartments_AndTeredo_AreNotSupported()
    {
        AssertMissing(WindowsBackend.GetCurrentThreadCompartmentId(out var compartment), "GetCurrentThreadCompartmentId");
        Assert.Equal(0u, compartment);
        AssertMissing(WindowsBackend.SetCurrentThreadCompartmentId(1), "SetCurrentThreadCompartmentId");
        AssertMissing(WindowsBackend.GetTeredoPort(out var port), "GetTeredoPort");
        Assert.Equal(0, port);
    }

    [Fact]
    public void EnterNamespace_ByCompartmentId_NeedsTheCompartmentExports()
    {
        INetIoBackend backend = _backend;
        AssertMissing(backend.EnterNamespace("/run/netns/2", "2", "nameOrPath", out var context), "GetCurrentThreadCompartmentId");
        Assert.Null(context);
    }

    [Theory]
    [InlineData("/run/netns/blue", "blue")]
    [InlineData("/run/netns/0", "0")]
    [InlineData("/run/netns/-1", "-1")]
    [InlineData("/var/run/netns/2", null)]
    public void EnterNamespace_WithWhatIsNotACompartmentId_IsInvalidParameter(string path, string? name)
    {
        INetIoBackend backend = _backend;
        var result = backend.EnterNamespace(path, name, "nameOrPath", out var context);
        Assert.Null(context);
        Assert.Equal(NetIoStatus.InvalidParameter, result.Status);
        Assert.Equal("nameOrPath", result.Error?.Argument);
        Assert.Contains("is not a compartment ID", result.Error?.Message, StringComparison.Ordinal);
    }

    private static void AssertMissing(BackendResult result, string export)
    {
        var detail = result.Error;
        Assert.NotNull(detail);
        Assert.Equal(NetIoStatus.NotSupported, detail.Status);
        Assert.Equal($"iphlpapi.dll does not export {export}", detail.Message);
        Assert.Equal(export, detail.Argument);
        Assert.Equal(0, detail.Errno);
    }
}
