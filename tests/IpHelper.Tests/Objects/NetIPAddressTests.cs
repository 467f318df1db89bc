using System.Net;
using IpHelper.Objects;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Objects;

public sealed class NetIPAddressTests(ObjectsLab lab) : IClassFixture<ObjectsLab>
{
    [RootFact]
    public void Get_MatchesIpAddr()
    {
        var expected = lab.Ns.IpJson("addr").EnumerateArray()
            .SelectMany(link => link.GetProperty("addr_info").EnumerateArray().Select(a =>
                $"{link.GetProperty("ifindex").GetUInt32()} {link.GetProperty("ifname").GetString()} {a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}"))
            .Order();

        IReadOnlyList<NetIPAddress> addresses;
        using (lab.Ns.Enter()) addresses = NetIPAddress.Get();

        var actual = addresses.Select(a => $"{a.InterfaceIndex} {a.InterfaceAlias} {a.IPAddress.ToString().Split('%')[0]}/{a.PrefixLength}").Order();
        Assert.Equal(expected, actual);
    }

    [RootFact]
    public void Get_ManualAddress_HasWindowsOriginsStateAndInfiniteLifetimes()
    {
        NetIPAddress address;
        using (lab.Ns.Enter()) address = NetIPAddress.Get(IPAddressFamily.IPv4).Single(a => a.IPAddress.Equals(IPAddress.Parse("192.0.2.1")));

        Assert.Equal(AddressPrefixOrigin.Manual, address.PrefixOrigin);
        Assert.Equal(AddressSuffixOrigin.Manual, address.SuffixOrigin);
        Assert.Equal(AddressState.Preferred, address.AddressState);
        Assert.Equal(TimeSpan.MaxValue, address.ValidLifetime);
        Assert.Equal("192.0.2.1", address.IPv4Address);
        Assert.Null(address.IPv6Address);
        Assert.InRange(address.CreationTime!.Value, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.StartsWith("192.0.2.1/24 dev v0", address.ToString(), StringComparison.Ordinal);
    }

    [RootFact]
    public void CreateSetRemove_AreSeenByIp()
    {
        using var ns = NetRouteTests.Lab();
        using (ns.Enter())
        {
            var address = NetIPAddress.Create(IPAddress.Parse("198.51.100.7"), 25, NetLuidExtensions.FromAlias("v0"), TimeSpan.FromSeconds(3600));
            Assert.InRange(address.ValidLifetime.TotalSeconds, 3590, 3600);
            var shown = Info(ns, "198.51.100.7");
            Assert.Equal(25, shown.GetProperty("prefixlen").GetInt32());
            Assert.InRange(shown.GetProperty("valid_life_time").GetUInt32(), 3590u, 3600u);

            var changed = address.Set(validLifetime: TimeSpan.FromSeconds(600), preferredLifetime: TimeSpan.FromSeconds(300));
            Assert.InRange(Info(ns, "198.51.100.7").GetProperty("preferred_life_time").GetUInt32(), 290u, 300u);
            Assert.InRange(changed.PreferredLifetime.TotalSeconds, 290, 300);

            changed.Remove();
            Assert.False(Has(ns, "198.51.100.7"));
        }
    }

    [RootFact]
    public void Create_BadPrefixLength_ThrowsInvalidParameter_AndAddsNothing()
    {
        using var ns = NetRouteTests.Lab();
        var before = NamespaceState.Of(ns);
        using (ns.Enter())
        {
            var e = Assert.Throws<NetIoException>(() => NetIPAddress.Create(IPAddress.Parse("198.51.100.7"), 33, NetLuidExtensions.FromAlias("v0")));
            Assert.Equal(NetIoStatus.InvalidParameter, e.Status);
        }

        Assert.Equal(before, NamespaceState.Of(ns));
    }

    [RootFact]
    public async Task WatchAsync_ReportsAnAddressAddedWithIp()
    {
        using var ns = NetRouteTests.Lab();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using (ns.Enter())
        {
            await using var changes = NetIPAddress.WatchAsync(IPAddressFamily.IPv4, cancel.Token).GetAsyncEnumerator(cancel.Token);
            Assert.True(await changes.MoveNextAsync());
            ns.AddAddress("v0", "203.0.113.5/24");
            do Assert.True(await changes.MoveNextAsync());
            while (changes.Current.Item?.IPAddress.ToString() != "203.0.113.5");
            Assert.Equal(MibNotificationType.MibAddInstance, changes.Current.NotificationType);
            Assert.Equal(24, changes.Current.Item!.PrefixLength);
        }
    }

    private static bool Has(TestNetns ns, string address) =>
        ns.IpJson("addr").EnumerateArray().SelectMany(l => l.GetProperty("addr_info").EnumerateArray()).Any(a => a.GetProperty("local").GetString() == address);

    private static System.Text.Json.JsonElement Info(TestNetns ns, string address) =>
        ns.IpJson("addr").EnumerateArray().SelectMany(l => l.GetProperty("addr_info").EnumerateArray()).Single(a => a.GetProperty("local").GetString() == address);
}
