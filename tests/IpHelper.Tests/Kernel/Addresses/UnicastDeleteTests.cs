using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;
using static IpHelper.Tests.Kernel.Addresses.UnicastRows;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>DeleteUnicastIpAddressEntry, checked with <c>ip -j address</c>.</summary>
public sealed class UnicastDeleteTests
{
    [RootTheory]
    [InlineData("192.0.2.1/24", "192.0.2.1")]
    [InlineData("2001:db8::1/64", "2001:db8::1")]
    [InlineData("2001:db8::1/48", "2001:db8::1")]
    [InlineData("198.51.100.1/32", "198.51.100.1")]
    public void Delete_Address_IsRemovedWhateverItsPrefixLength(string prefix, string address)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", prefix);
        ns.AddAddress("v0", "203.0.113.1/24");
        // Only Address and the interface count: the row's prefix length is not looked at.
        var row = New(ns, "v0", address, 7);

        AssertSucceeds(ns, () => DeleteUnicastIpAddressEntry(row));

        Assert.Null(IpAddr.Find(ns, "v0", address));
        Assert.NotNull(IpAddr.Find(ns, "v0", "203.0.113.1"));
    }

    [RootFact]
    public void Delete_PeerAddress_IsRemoved()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/32", "peer", "192.0.2.2/32");
        var row = New(ns, "v0", "192.0.2.1");

        AssertSucceeds(ns, () => DeleteUnicastIpAddressEntry(row));

        Assert.Null(IpAddr.Find(ns, "v0", "192.0.2.1"));
    }

    [RootFact]
    public void Delete_AddressTheInterfaceDoesNotHave_IsNotFound()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");

        AssertRejected(ns, NetIoStatus.NotFound, () => DeleteUnicastIpAddressEntry(New(ns, "v1", "192.0.2.1")));
        AssertRejected(ns, NetIoStatus.NotFound, () => DeleteUnicastIpAddressEntry(New(ns, "v0", "192.0.2.9")));
        AssertRejected(ns, NetIoStatus.NotFound, () => DeleteUnicastIpAddressEntry(New(ns, "v0", "192.0.2.1") with { InterfaceIndex = 9999 }));
    }

    [RootFact]
    public void Delete_BadAddressOrNoInterface_IsInvalidParameter()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = New(ns, "v0", "192.0.2.1");

        AssertRejected(ns, NetIoStatus.InvalidParameter, () => DeleteUnicastIpAddressEntry(row with { Address = default }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => DeleteUnicastIpAddressEntry(New(ns, "v0", "224.0.0.1")));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => DeleteUnicastIpAddressEntry(row with { InterfaceIndex = 0 }));
    }

    [RootFact]
    public void Delete_WithoutNetAdmin_IsAccessDenied()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = New(ns, "v0", "192.0.2.1");
        var before = IpAddr.Snapshot(ns);

        var status = NetAdmin.RunWithout(() =>
        {
            using (ns.Enter()) return DeleteUnicastIpAddressEntry(row);
        });

        Assert.Equal(NetIoStatus.AccessDenied, status);
        Assert.Equal(before, IpAddr.Snapshot(ns));
    }
}
