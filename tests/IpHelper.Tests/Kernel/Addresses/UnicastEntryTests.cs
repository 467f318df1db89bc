using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>GetUnicastIpAddressEntry, conformance items 35-37 and 39 of spec C.</summary>
public sealed class UnicastEntryTests
{
    [RootFact]
    public void GetUnicastIpAddressEntry_ZeroedRowOrNoFamily_IsInvalidParameter()
    {
        using var ns = new TestNetns();
        using (ns.Enter())
        {
            var zeroed = default(MibUnicastIpAddressRow);
            Assert.Equal(NetIoStatus.InvalidParameter, GetUnicastIpAddressEntry(ref zeroed));
            var indexOnly = new MibUnicastIpAddressRow { InterfaceIndex = 123 };
            Assert.Equal(NetIoStatus.InvalidParameter, GetUnicastIpAddressEntry(ref indexOnly));
            Assert.Equal("Address", LastErrorDetail?.Argument);
        }
    }

    [RootFact]
    public void GetUnicastIpAddressEntry_NoOrUnknownInterface_IsFileNotFound_KnownInterface_IsNotFound()
    {
        using var ns = AddressTestNetwork.WithVeth();
        Assert.True(SockAddrInet.TryParse("192.0.2.250", out var bogus));
        using (ns.Enter())
        {
            var none = new MibUnicastIpAddressRow { Address = bogus };
            Assert.Equal(NetIoStatus.FileNotFound, GetUnicastIpAddressEntry(ref none));
            var unknown = new MibUnicastIpAddressRow { Address = bogus, InterfaceIndex = 123 };
            Assert.Equal(NetIoStatus.FileNotFound, GetUnicastIpAddressEntry(ref unknown));
            var known = new MibUnicastIpAddressRow { Address = bogus, InterfaceIndex = AddressTestNetwork.Index(ns, "v0") };
            Assert.Equal(NetIoStatus.NotFound, GetUnicastIpAddressEntry(ref known));
            Assert.Equal(bogus, known.Address);
        }
    }

    [RootFact]
    public void GetUnicastIpAddressEntry_EveryTableRow_IsFoundByLuidAndByIndex()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64", "valid_lft", "500", "preferred_lft", "400");
        AddressTestNetwork.WaitUntilSettled(ns, "v0");
        var table = UnicastTableTests.Rows(ns);

        using (ns.Enter())
        {
            foreach (var expected in table)
            {
                var byLuid = new MibUnicastIpAddressRow { Address = expected.Address, InterfaceLuid = expected.InterfaceLuid, InterfaceIndex = 0xDEAD };
                Assert.Equal(NetIoStatus.Success, GetUnicastIpAddressEntry(ref byLuid));
                var byIndex = new MibUnicastIpAddressRow { Address = expected.Address, InterfaceIndex = expected.InterfaceIndex };
                Assert.Equal(NetIoStatus.Success, GetUnicastIpAddressEntry(ref byIndex));
                foreach (var row in new[] { byLuid, byIndex })
                {
                    Assert.Equal(expected.InterfaceLuid, row.InterfaceLuid);
                    Assert.Equal(expected.InterfaceIndex, row.InterfaceIndex);
                    Assert.Equal(expected.PrefixOrigin, row.PrefixOrigin);
                    Assert.Equal(expected.SuffixOrigin, row.SuffixOrigin);
                    Assert.InRange(row.ValidLifetime, Math.Max(expected.ValidLifetime, 1) - 1, expected.ValidLifetime);
                    Assert.InRange(row.PreferredLifetime, Math.Max(expected.PreferredLifetime, 1) - 1, expected.PreferredLifetime);
                    Assert.Equal(expected.OnLinkPrefixLength, row.OnLinkPrefixLength);
                    Assert.Equal(expected.DadState, row.DadState);
                    Assert.False(row.SkipAsSource);
                    if (row.Address.Family == AddressFamily.InterNetworkV6) Assert.Equal(row.Address.ScopeId, row.ScopeId.Value);
                    Assert.NotEqual(0, row.CreationTimeStamp);
                    Assert.Equal(expected.CreationTimeStamp, row.CreationTimeStamp);
                }
            }
        }
    }

    [RootFact]
    public void GetUnicastIpAddressEntry_LuidOfAnotherInterface_IsNotFound()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        var v1 = UnicastTableTests.Rows(ns).First(r => r.InterfaceIndex == AddressTestNetwork.Index(ns, "v1"));
        Assert.True(SockAddrInet.TryParse("192.0.2.1", out var address));

        using (ns.Enter())
        {
            // A non-zero LUID wins over the index, even when the index names the right interface.
            var row = new MibUnicastIpAddressRow { Address = address, InterfaceLuid = v1.InterfaceLuid, InterfaceIndex = AddressTestNetwork.Index(ns, "v0") };
            Assert.Equal(NetIoStatus.NotFound, GetUnicastIpAddressEntry(ref row));
        }
    }

    [RootFact]
    public void GetUnicastIpAddressTable_OrdinaryAddresses_HaveNoOtherOriginAndUsableState()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64");

        Assert.All(UnicastTableTests.Rows(ns), row =>
        {
            Assert.NotEqual(NlPrefixOrigin.IpPrefixOriginOther, row.PrefixOrigin);
            Assert.NotEqual(NlSuffixOrigin.IpSuffixOriginOther, row.SuffixOrigin);
            Assert.NotEqual(NlDadState.IpDadStateInvalid, row.DadState);
            Assert.NotEqual(NlDadState.IpDadStateDuplicate, row.DadState);
            Assert.NotEqual(0u, row.ValidLifetime);
            Assert.NotEqual(0u, row.PreferredLifetime);
        });
    }
}
