using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;
using static IpHelper.Tests.Kernel.Addresses.UnicastRows;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>SetUnicastIpAddressEntry, checked with <c>ip -j address</c>.</summary>
public sealed class UnicastSetTests
{
    [RootTheory]
    [InlineData("192.0.2.1/24", "192.0.2.1")]
    [InlineData("2001:db8::1/64", "2001:db8::1")]
    public void Set_Lifetimes_BecomeTheKernelLifetimes(string prefix, string address)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", prefix);
        var row = UnicastDadStateTests.Entry(ns, "v0", address);
        row.ValidLifetime = 500;
        row.PreferredLifetime = 400;

        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));

        var changed = IpAddr.Find(ns, "v0", address)!;
        Assert.InRange(changed.Valid, 499u, 500u);
        Assert.InRange(changed.Preferred, 399u, 400u);
        Assert.True(changed.Has("dynamic"));

        row.ValidLifetime = row.PreferredLifetime = InfiniteAddressLifetime;
        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));
        var back = IpAddr.Find(ns, "v0", address)!;
        Assert.Equal(uint.MaxValue, back.Valid);
        Assert.False(back.Has("dynamic"));
    }

    [RootFact]
    public void Set_PreferredLifetimeZero_DeprecatesTheAddress()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8::1/64");
        var row = UnicastDadStateTests.Entry(ns, "v0", "2001:db8::1");
        row.PreferredLifetime = 0;
        row.ValidLifetime = 300;

        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));

        Assert.True(IpAddr.Find(ns, "v0", "2001:db8::1")!.Has("deprecated"));
        Assert.Equal(NlDadState.IpDadStateDeprecated, UnicastDadStateTests.Entry(ns, "v0", "2001:db8::1").DadState);
    }

    [RootTheory]
    [InlineData("2001:db8::1/64", "2001:db8::1", 48)]
    [InlineData("192.0.2.1/24", "192.0.2.1", 25)]
    public void Set_OnLinkPrefixLength_ChangesThePrefixLength(string prefix, string address, byte length)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", prefix);
        var row = UnicastDadStateTests.Entry(ns, "v0", address);
        row.OnLinkPrefixLength = length;

        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));

        var entries = IpAddr.Read(ns, "v0").Where(a => a.Address.ToString() == address).ToList();
        Assert.Equal(length, Assert.Single(entries).PrefixLength);
    }

    [RootFact]
    public void Set_OnLinkPrefixLength255_KeepsTheLength()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = UnicastDadStateTests.Entry(ns, "v0", "192.0.2.1");
        row.OnLinkPrefixLength = 255;
        row.ValidLifetime = row.PreferredLifetime = 900;

        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));

        var changed = IpAddr.Find(ns, "v0", "192.0.2.1")!;
        Assert.Equal(24, changed.PrefixLength);
        Assert.InRange(changed.Valid, 899u, 900u);
    }

    [RootFact]
    public void Set_Origins_AreKeptWhenUnchangedAndChangedWhenGiven()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8::1/64");
        var row = UnicastDadStateTests.Entry(ns, "v0", "2001:db8::1");
        row.PrefixOrigin = NlPrefixOrigin.IpPrefixOriginDhcp;
        row.SuffixOrigin = NlSuffixOrigin.IpSuffixOriginDhcp;
        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp), Origins(ns));

        row.PrefixOrigin = NlPrefixOrigin.IpPrefixOriginUnchanged;
        row.SuffixOrigin = NlSuffixOrigin.IpSuffixOriginUnchanged;
        row.ValidLifetime = row.PreferredLifetime = 700;
        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp), Origins(ns));

        row.PrefixOrigin = NlPrefixOrigin.IpPrefixOriginManual;
        row.SuffixOrigin = NlSuffixOrigin.IpSuffixOriginManual;
        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual), Origins(ns));
    }

    [RootFact]
    public void Set_AddressWithKernelFlags_KeepsThem()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "2001:db8::1/64", "nodad", "noprefixroute");
        var row = UnicastDadStateTests.Entry(ns, "v0", "2001:db8::1");
        row.ValidLifetime = row.PreferredLifetime = 800;

        AssertSucceeds(ns, () => SetUnicastIpAddressEntry(row));

        var changed = IpAddr.Find(ns, "v0", "2001:db8::1")!;
        Assert.True(changed.Has("nodad") && changed.Has("noprefixroute"), changed.ToString());
    }

    [RootFact]
    public void Set_AddressTheInterfaceDoesNotHave_IsNotFound()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = New(ns, "v1", "192.0.2.1", 24);

        AssertRejected(ns, NetIoStatus.NotFound, () => SetUnicastIpAddressEntry(row));
        AssertRejected(ns, NetIoStatus.NotFound, () => SetUnicastIpAddressEntry(row with { InterfaceIndex = 9999 }));
    }

    [RootFact]
    public void Set_RowFieldErrors_AreInvalidParameterOrNotSupported()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = UnicastDadStateTests.Entry(ns, "v0", "192.0.2.1");

        AssertRejected(ns, NetIoStatus.InvalidParameter, () => SetUnicastIpAddressEntry(row with { ValidLifetime = 10, PreferredLifetime = 20 }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => SetUnicastIpAddressEntry(row with { InterfaceIndex = 0, InterfaceLuid = default }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => SetUnicastIpAddressEntry(row with { PrefixOrigin = NlPrefixOrigin.IpPrefixOriginUnchanged }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => SetUnicastIpAddressEntry(row with { OnLinkPrefixLength = 40 }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => SetUnicastIpAddressEntry(row with { Address = default }));
        AssertRejected(ns, NetIoStatus.NotSupported, () => SetUnicastIpAddressEntry(row with { SkipAsSource = true }));
    }

    [RootFact]
    public void Set_WithoutNetAdmin_IsAccessDenied()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = UnicastDadStateTests.Entry(ns, "v0", "192.0.2.1");
        row.ValidLifetime = row.PreferredLifetime = 100;
        var before = IpAddr.Snapshot(ns);

        var status = NetAdmin.RunWithout(() =>
        {
            using (ns.Enter()) return SetUnicastIpAddressEntry(row);
        });

        Assert.Equal(NetIoStatus.AccessDenied, status);
        Assert.Equal(before, IpAddr.Snapshot(ns));
    }

    private static (NlPrefixOrigin, NlSuffixOrigin) Origins(TestNetns ns)
    {
        var row = UnicastDadStateTests.Entry(ns, "v0", "2001:db8::1");
        return (row.PrefixOrigin, row.SuffixOrigin);
    }
}
