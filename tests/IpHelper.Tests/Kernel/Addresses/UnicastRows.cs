using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>Rows and checks the unicast write tests share.</summary>
internal static class UnicastRows
{
    /// <summary>An initialised row (InitializeUnicastIpAddressEntry) for an address on a device.</summary>
    public static MibUnicastIpAddressRow New(TestNetns ns, string device, string address, byte prefixLength = 255)
    {
        NetIo.InitializeUnicastIpAddressEntry(out var row);
        Assert.True(SockAddrInet.TryParse(address, out row.Address), address);
        row.InterfaceIndex = AddressTestNetwork.Index(ns, device);
        row.OnLinkPrefixLength = prefixLength;
        return row;
    }

    /// <summary>Runs a call that must fail with <paramref name="expected"/> and checks that no address changed.</summary>
    public static void AssertRejected(TestNetns ns, NetIoStatus expected, Func<NetIoStatus> call)
    {
        var before = IpAddr.Snapshot(ns);
        NetIoStatus status;
        using (ns.Enter()) status = call();
        Assert.Equal(expected, status);
        Assert.NotNull(NetIo.LastErrorDetail);
        Assert.Equal(before, IpAddr.Snapshot(ns));
    }

    /// <summary>Runs a call inside the namespace and asserts it succeeded.</summary>
    public static void AssertSucceeds(TestNetns ns, Func<NetIoStatus> call)
    {
        NetIoStatus status;
        using (ns.Enter()) status = call();
        Assert.True(status == NetIoStatus.Success, $"{status}: {NetIo.LastErrorDetail}");
    }
}
