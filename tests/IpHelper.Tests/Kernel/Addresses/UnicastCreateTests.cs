using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;
using static IpHelper.Tests.Kernel.Addresses.UnicastRows;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>CreateUnicastIpAddressEntry, checked with <c>ip -j address</c>; every documented failure leaves the addresses as they were.</summary>
public sealed class UnicastCreateTests
{
    [RootTheory]
    [InlineData("192.0.2.1", 24, 24)]
    [InlineData("2001:db8::1", 64, 64)]
    [InlineData("192.0.2.1", 255, 32)]
    [InlineData("2001:db8::1", 255, 128)]
    public void Create_PermanentAddress_IsAddedWithTheRightLength(string address, byte length, int expected)
    {
        using var ns = AddressTestNetwork.WithVeth();
        var row = New(ns, "v0", address, length);

        AssertSucceeds(ns, () => CreateUnicastIpAddressEntry(row));

        var added = IpAddr.Find(ns, "v0", address);
        Assert.NotNull(added);
        Assert.Equal(expected, added.PrefixLength);
        Assert.Equal(uint.MaxValue, added.Valid);
        Assert.False(added.Has("dynamic"));
        var read = UnicastDadStateTests.Entry(ns, "v0", address);
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual), (read.PrefixOrigin, read.SuffixOrigin));
    }

    [RootTheory]
    [InlineData("192.0.2.1", 24)]
    [InlineData("2001:db8::1", 64)]
    public void Create_FiniteLifetimes_AreTheKernelLifetimes(string address, byte length)
    {
        using var ns = AddressTestNetwork.WithVeth();
        var row = New(ns, "v0", address, length);
        row.ValidLifetime = 600;
        row.PreferredLifetime = 300;

        AssertSucceeds(ns, () => CreateUnicastIpAddressEntry(row));

        var added = IpAddr.Find(ns, "v0", address)!;
        Assert.InRange(added.Valid, 599u, 600u);
        Assert.InRange(added.Preferred, 299u, 300u);
        Assert.True(added.Has("dynamic"));
        var read = UnicastDadStateTests.Entry(ns, "v0", address);
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual), (read.PrefixOrigin, read.SuffixOrigin));
    }

    [RootTheory]
    [InlineData(NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp, 0xFFFFFFFFu)]
    [InlineData(NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp, 600u)]
    [InlineData(NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginRandom, 600u)]
    [InlineData(NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginLinkLayerAddress, 0xFFFFFFFFu)]
    [InlineData(NlPrefixOrigin.IpPrefixOriginOther, NlSuffixOrigin.IpSuffixOriginOther, 0xFFFFFFFFu)]
    public void Create_GivenOrigins_ReadBack(NlPrefixOrigin prefix, NlSuffixOrigin suffix, uint lifetime)
    {
        using var ns = AddressTestNetwork.WithVeth();
        var row = New(ns, "v0", "2001:db8::5", 64);
        (row.PrefixOrigin, row.SuffixOrigin, row.ValidLifetime, row.PreferredLifetime) = (prefix, suffix, lifetime, lifetime);

        AssertSucceeds(ns, () => CreateUnicastIpAddressEntry(row));

        var read = UnicastDadStateTests.Entry(ns, "v0", "2001:db8::5");
        Assert.Equal((prefix, suffix), (read.PrefixOrigin, read.SuffixOrigin));
    }

    [RootFact]
    public void Create_DadStatePreferredWithOptimisticDad_AddsAnOptimisticAddress()
    {
        using var ns = AddressTestNetwork.WithVeth(dad: true);
        ns.SetSysctl("net.ipv6.conf.v0.optimistic_dad", "1");
        ns.Ip("link", "set", "v1", "down");
        var row = New(ns, "v0", "2001:db8::6", 64);
        row.DadState = NlDadState.IpDadStatePreferred;

        AssertSucceeds(ns, () => CreateUnicastIpAddressEntry(row));

        var added = IpAddr.Find(ns, "v0", "2001:db8::6")!;
        Assert.True(added.Has("optimistic"), added.ToString());
        Assert.Equal(NlDadState.IpDadStatePreferred, UnicastDadStateTests.Entry(ns, "v0", "2001:db8::6").DadState);
    }

    [RootFact]
    public void Create_DadStatePreferredWithoutOptimisticDad_AddsWithoutDad()
    {
        using var ns = AddressTestNetwork.WithVeth(dad: true);
        ns.SetSysctl("net.ipv6.conf.v0.optimistic_dad", "0");
        ns.Ip("link", "set", "v1", "down");
        var row = New(ns, "v0", "2001:db8::6", 64);
        row.DadState = NlDadState.IpDadStatePreferred;

        AssertSucceeds(ns, () => CreateUnicastIpAddressEntry(row));

        var added = IpAddr.Find(ns, "v0", "2001:db8::6")!;
        Assert.True(added.Has("nodad") && !added.Has("tentative"), added.ToString());
    }

    [RootFact]
    public void Create_DadStateTentative_RunsDad()
    {
        using var ns = AddressTestNetwork.WithVeth(dad: true);
        ns.Ip("link", "set", "v1", "down");
        var row = New(ns, "v0", "2001:db8::6", 64);

        AssertSucceeds(ns, () => CreateUnicastIpAddressEntry(row));

        Assert.True(IpAddr.Find(ns, "v0", "2001:db8::6")!.Has("tentative"));
    }

    [RootTheory]
    [InlineData("2001:db8::1/64", "2001:db8::1", 64)]
    [InlineData("2001:db8::1/64", "2001:db8::1", 48)]
    [InlineData("192.0.2.1/24", "192.0.2.1", 24)]
    [InlineData("192.0.2.1/24", "192.0.2.1", 25)]
    public void Create_AddressTheInterfaceHas_IsObjectAlreadyExists(string existing, string address, byte length)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", existing);
        var row = New(ns, "v0", address, length);

        AssertRejected(ns, NetIoStatus.ObjectAlreadyExists, () => CreateUnicastIpAddressEntry(row));
    }

    [RootFact]
    public void Create_SameAddressOnAnotherInterface_IsAllowed()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var row = New(ns, "v1", "192.0.2.1", 24);

        AssertSucceeds(ns, () => CreateUnicastIpAddressEntry(row));

        Assert.NotNull(IpAddr.Find(ns, "v1", "192.0.2.1"));
    }

    public static TheoryData<string> NotUnicast => ["224.0.0.5", "239.1.2.3", "255.255.255.255", "0.0.0.0", "ff02::5", "::"];

    [RootTheory]
    [MemberData(nameof(NotUnicast))]
    public void Create_NotAUnicastAddress_IsInvalidParameter(string address)
    {
        using var ns = AddressTestNetwork.WithVeth();
        var row = New(ns, "v0", address, 24);

        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(row));
    }

    [RootFact]
    public void Create_RowFieldErrors_AreInvalidParameter()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var good = New(ns, "v0", "192.0.2.1", 24);

        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { Address = default }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { InterfaceIndex = 0 }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { ValidLifetime = 100, PreferredLifetime = 200 }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { PrefixOrigin = NlPrefixOrigin.IpPrefixOriginManual }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { SuffixOrigin = NlSuffixOrigin.IpSuffixOriginManual }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { PrefixOrigin = (NlPrefixOrigin)5, SuffixOrigin = NlSuffixOrigin.IpSuffixOriginManual }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { PrefixOrigin = NlPrefixOrigin.IpPrefixOriginManual, SuffixOrigin = (NlSuffixOrigin)6 }));
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { OnLinkPrefixLength = 33 }));
        var v6 = New(ns, "v0", "2001:db8::1", 129);
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(v6));
        // The kernel refuses a zero valid lifetime (EINVAL).
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(good with { ValidLifetime = 0, PreferredLifetime = 0 }));
        // ::1 belongs to loopback only (EADDRNOTAVAIL).
        var loopback = New(ns, "v0", "::1", 128);
        AssertRejected(ns, NetIoStatus.InvalidParameter, () => CreateUnicastIpAddressEntry(loopback));
    }

    [RootFact]
    public void Create_UnknownInterface_IsNotFound()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var row = New(ns, "v0", "192.0.2.1", 24);

        AssertRejected(ns, NetIoStatus.NotFound, () => CreateUnicastIpAddressEntry(row with { InterfaceIndex = 9999 }));
        AssertRejected(ns, NetIoStatus.NotFound, () => CreateUnicastIpAddressEntry(row with { InterfaceLuid = new NetLuid(9999, 6) }));
    }

    [RootFact]
    public void Create_SkipAsSource_IsNotSupported()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var row = New(ns, "v0", "192.0.2.1", 24);
        row.SkipAsSource = true;

        AssertRejected(ns, NetIoStatus.NotSupported, () => CreateUnicastIpAddressEntry(row));
        Assert.Equal("SkipAsSource", LastErrorDetail?.Argument);
    }

    [RootFact]
    public void Create_Ipv6OnInterfaceWithIpv6Disabled_IsNotSupported()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.SetSysctl("net.ipv6.conf.v0.disable_ipv6", "1");
        var row = New(ns, "v0", "2001:db8::1", 64);

        AssertRejected(ns, NetIoStatus.NotSupported, () => CreateUnicastIpAddressEntry(row));
    }

    [RootFact]
    public void Create_WithoutNetAdmin_IsAccessDenied()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var row = New(ns, "v0", "192.0.2.1", 24);
        var before = IpAddr.Snapshot(ns);

        var status = NetAdmin.RunWithout(() =>
        {
            using (ns.Enter()) return CreateUnicastIpAddressEntry(row);
        });

        Assert.Equal(NetIoStatus.AccessDenied, status);
        Assert.Equal(before, IpAddr.Snapshot(ns));
    }
}
