using System.Net;
using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIo;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>GetUnicastIpAddressTable against <c>ip -j address</c>.</summary>
public sealed class UnicastTableTests
{
    [RootFact]
    public void GetUnicastIpAddressTable_EveryAddress_MatchesIpAddress()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "192.0.2.2/24", "valid_lft", "300", "preferred_lft", "200");
        ns.AddAddress("v0", "198.51.100.1/25", "preferred_lft", "0", "valid_lft", "100");
        ns.AddAddress("v1", "2001:db8:1::1/64");
        ns.AddAddress("v1", "2001:db8:2::1/48", "valid_lft", "600", "preferred_lft", "500");
        ns.AddAddress("v1", "2001:db8:3::1/64", "preferred_lft", "0", "valid_lft", "60");
        ns.AddAddress("lo", "169.254.9.9/16");

        MibTable<MibUnicastIpAddressRow>? table;
        var luids = new Dictionary<uint, NetLuid>();
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, GetUnicastIpAddressTable(AddressFamily.Unspecified, out table));
            foreach (var index in table!.Select(r => r.InterfaceIndex).Distinct())
            {
                Assert.Equal(NetIoStatus.Success, ConvertInterfaceIndexToLuid(index, out var luid));
                luids[index] = luid;
            }
        }
        var oracle = IpAddr.Read(ns);

        using (table)
        {
            Assert.Equal(oracle.Count, table!.Count);
            foreach (var expected in oracle)
            {
                var row = Single(table, expected);
                Assert.Equal(expected.PrefixLength, row.OnLinkPrefixLength);
                Assert.InRange(row.ValidLifetime, Math.Max(expected.Valid, 1) - 1, expected.Valid);
                Assert.InRange(row.PreferredLifetime, Math.Max(expected.Preferred, 1) - 1, expected.Preferred);
                Assert.Equal(expected.Has("deprecated") ? NlDadState.IpDadStateDeprecated : NlDadState.IpDadStatePreferred, row.DadState);
                Assert.False(row.SkipAsSource);
                var zone = expected.Address.IsIPv6LinkLocal ? (uint)expected.Index : 0;
                Assert.Equal(zone, row.Address.ScopeId);
                Assert.Equal(zone, row.ScopeId.Value);
                Assert.Equal(luids[row.InterfaceIndex], row.InterfaceLuid);
                Assert.NotEqual(NlPrefixOrigin.IpPrefixOriginOther, row.PrefixOrigin);
                Assert.NotEqual(NlSuffixOrigin.IpSuffixOriginOther, row.SuffixOrigin);
            }
        }
    }

    [RootFact]
    public void GetUnicastIpAddressTable_Origins_FollowHowTheAddressWasMade()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "192.0.2.7/24", "valid_lft", "300", "preferred_lft", "300");
        ns.AddAddress("v0", "fe80::77/64");

        var rows = Rows(ns);

        Assert.Equal((NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginWellKnown), Origins(rows, "127.0.0.1"));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginWellKnown), Origins(rows, "::1"));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual), Origins(rows, "192.0.2.1"));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginDhcp, NlSuffixOrigin.IpSuffixOriginDhcp), Origins(rows, "192.0.2.7"));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginManual), Origins(rows, "fe80::77"));
        var kernelLinkLocal = IpAddr.Read(ns, "v0").Single(a => a.Address.IsIPv6LinkLocal && !a.Address.Equals(IPAddress.Parse("fe80::77")));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginLinkLayerAddress), Origins(rows, kernelLinkLocal.Address.ToString()));
    }

    [RootFact]
    public void GetUnicastIpAddressTable_StablePrivacyLinkLocal_HasARandomSuffix()
    {
        using var ns = new TestNetns();
        ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
        ns.SetSysctl("net.ipv6.conf.default.stable_secret", "2001:db8:1234:5678:9abc:def0:1234:5678");
        ns.AddVeth("v0", "v1");
        var linkLocal = IpAddr.Read(ns, "v0").Single(a => a.Address.IsIPv6LinkLocal);
        Assert.True(linkLocal.Has("stable-privacy"), $"the kernel did not make a stable-privacy address: {linkLocal}");

        var rows = Rows(ns);

        Assert.Equal((NlPrefixOrigin.IpPrefixOriginWellKnown, NlSuffixOrigin.IpSuffixOriginRandom),
            Origins(rows.Where(r => r.InterfaceIndex == linkLocal.Index).ToList(), linkLocal.Address.ToString()));
    }

    [RootFact]
    public void GetUnicastIpAddressTable_CreationTimeStamp_IsWhenTheAddressWasAdded()
    {
        using var ns = AddressTestNetwork.WithVeth();
        var before = DateTime.UtcNow;
        ns.AddAddress("v0", "203.0.113.5/24");
        var after = DateTime.UtcNow;

        var row = Rows(ns).Single(r => r.Address.ToString() == "203.0.113.5");

        // The kernel stamps in hundredths of a second since boot (jiffies); one second covers both clocks' rounding.
        var created = DateTime.FromFileTimeUtc(row.CreationTimeStamp);
        Assert.InRange(created, before.AddSeconds(-1), after.AddSeconds(1));
    }

    [RootFact]
    public void GetUnicastIpAddressTable_CreationTimeStamp_IsTheSameOnEveryCall()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "203.0.113.5/24");

        var first = Rows(ns).Single(r => r.Address.ToString() == "203.0.113.5").CreationTimeStamp;
        var second = Rows(ns).Single(r => r.Address.ToString() == "203.0.113.5").CreationTimeStamp;

        Assert.Equal(first, second);
    }

    [RootTheory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    public void GetUnicastIpAddressTable_OneFamily_ReturnsOnlyThatFamily(AddressFamily family)
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.AddAddress("v0", "192.0.2.1/24");
        ns.AddAddress("v0", "2001:db8::1/64");

        MibTable<MibUnicastIpAddressRow>? table;
        using (ns.Enter()) Assert.Equal(NetIoStatus.Success, GetUnicastIpAddressTable(family, out table));

        using (table)
        {
            var wanted = IpAddr.Read(ns).Count(a => a.Address.AddressFamily == (family == AddressFamily.InterNetwork ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6));
            Assert.Equal(wanted, table!.Count);
            Assert.All(table, r => Assert.Equal(family, r.Address.Family));
        }
    }

    [RootTheory]
    [InlineData((AddressFamily)21)]
    [InlineData((AddressFamily)10)]
    [InlineData((AddressFamily)1)]
    public void GetUnicastIpAddressTable_OtherFamily_IsInvalidParameter(AddressFamily family)
    {
        using var ns = new TestNetns();
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.InvalidParameter, GetUnicastIpAddressTable(family, out var table));
            Assert.Null(table);
        }
    }

    internal static List<MibUnicastIpAddressRow> Rows(TestNetns ns)
    {
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, GetUnicastIpAddressTable(AddressFamily.Unspecified, out var table));
            using (table) return [.. table!];
        }
    }

    private static (NlPrefixOrigin, NlSuffixOrigin) Origins(List<MibUnicastIpAddressRow> rows, string address)
    {
        var row = rows.Single(r => Strip(r.Address) == address);
        return (row.PrefixOrigin, row.SuffixOrigin);
    }

    internal static string Strip(SockAddrInet address) => new IPAddress(address.ToIPAddress()!.GetAddressBytes()).ToString();

    private static MibUnicastIpAddressRow Single(MibTable<MibUnicastIpAddressRow> table, IpAddr expected) =>
        table.Single(r => r.InterfaceIndex == expected.Index && Strip(r.Address) == expected.Address.ToString());
}
