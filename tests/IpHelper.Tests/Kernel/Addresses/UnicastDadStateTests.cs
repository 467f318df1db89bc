using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>DadState from the kernel's duplicate address detection, on real tentative, duplicate, deprecated and optimistic addresses.</summary>
public sealed class UnicastDadStateTests
{
    [RootFact]
    public void DadState_AddressWaitingForDad_IsTentative()
    {
        using var ns = AddressTestNetwork.WithVeth(dad: true);
        // Without carrier DAD cannot run: the address stays tentative.
        ns.Ip("link", "set", "v1", "down");
        ns.AddAddress("v0", "2001:db8::5/64");
        Assert.True(IpAddr.Find(ns, "v0", "2001:db8::5")!.Has("tentative"));

        Assert.Equal(NlDadState.IpDadStateTentative, Entry(ns, "v0", "2001:db8::5").DadState);
    }

    [RootFact]
    public void DadState_AddressAnotherHostAlreadyHas_IsDuplicate()
    {
        using var a = new TestNetns();
        using var b = new TestNetns();
        a.ConnectVeth(b, "v0", "v1");
        b.AddAddress("v1", "2001:db8::7/64", "nodad");
        a.AddAddress("v0", "2001:db8::7/64");
        IpAddr.WaitFor(a, "v0", "2001:db8::7", x => x.Has("dadfailed"));

        var row = Entry(a, "v0", "2001:db8::7");

        Assert.Equal(NlDadState.IpDadStateDuplicate, row.DadState);
        Assert.Equal(NlDadState.IpDadStatePreferred, Entry(b, "v1", "2001:db8::7").DadState);
    }

    [RootFact]
    public void DadState_AddressWhoseDadSucceeded_IsPreferred()
    {
        using var ns = AddressTestNetwork.WithVeth(dad: true);
        ns.AddAddress("v0", "2001:db8::8/64");
        IpAddr.WaitFor(ns, "v0", "2001:db8::8", x => !x.Has("tentative"));

        Assert.Equal(NlDadState.IpDadStatePreferred, Entry(ns, "v0", "2001:db8::8").DadState);
    }

    [RootTheory]
    [InlineData("2001:db8::9/64", "2001:db8::9")]
    [InlineData("192.0.2.9/24", "192.0.2.9")]
    public void DadState_PreferredLifetimeZero_IsDeprecated(string prefix, string address)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", prefix, "preferred_lft", "0", "valid_lft", "100");
        Assert.True(IpAddr.Find(ns, "v0", address)!.Has("deprecated"));

        var row = Entry(ns, "v0", address);

        Assert.Equal(NlDadState.IpDadStateDeprecated, row.DadState);
        Assert.Equal(0u, row.PreferredLifetime);
    }

    [RootFact]
    public void DadState_OptimisticAddressDuringDad_IsPreferred()
    {
        using var ns = AddressTestNetwork.WithVeth(dad: true);
        ns.SetSysctl("net.ipv6.conf.v0.optimistic_dad", "1");
        ns.Ip("link", "set", "v1", "down");
        ns.AddAddress("v0", "2001:db8::a/64", "optimistic");
        var oracle = IpAddr.Find(ns, "v0", "2001:db8::a")!;
        Assert.True(oracle.Has("optimistic") && oracle.Has("tentative"), oracle.ToString());

        Assert.Equal(NlDadState.IpDadStatePreferred, Entry(ns, "v0", "2001:db8::a").DadState);
    }

    internal static MibUnicastIpAddressRow Entry(TestNetns ns, string device, string address)
    {
        Assert.True(SockAddrInet.TryParse(address, out var parsed));
        var row = new MibUnicastIpAddressRow { Address = parsed, InterfaceIndex = AddressTestNetwork.Index(ns, device) };
        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, GetUnicastIpAddressEntry(ref row));
        Assert.Equal(parsed.Family == AddressFamily.InterNetwork ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6, row.Address.Family);
        return row;
    }
}
