using System.Net;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>Addresses the kernel makes itself: SLAAC from a router advertisement, and temporary (privacy) addresses.</summary>
public sealed class UnicastAutoconfigurationTests
{
    /// <summary>Sends one router advertisement (router lifetime 0) with an autonomous /64 prefix option out of an interface.</summary>
    private const string SendRouterAdvertisement = """
        import socket, struct, sys
        ifname, prefix, valid, preferred = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
        index = socket.if_nametoindex(ifname)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, index)
        ra = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0, 0, 0, 0)
        option = struct.pack("!BBBBIII", 3, 4, 64, 0xC0, valid, preferred, 0) + socket.inet_pton(socket.AF_INET6, prefix)
        s.sendto(ra + option, ("ff02::1", 0, 0, index))
        """;

    [RootFact]
    public void TemporaryAddress_OfAManualMngtmpaddr_HasARandomSuffixAndTheManualPrefix()
    {
        using var ns = AddressTestNetwork.WithVeth();
        ns.SetSysctl("net.ipv6.conf.v0.use_tempaddr", "2");
        ns.AddAddress("v0", "2001:db8:4::1/64", "mngtmpaddr");
        var temporary = WaitForTemporary(ns, "2001:db8:4:");

        var rows = UnicastTableTests.Rows(ns);
        var row = rows.Single(r => UnicastTableTests.Strip(r.Address) == temporary.Address.ToString());
        var parent = rows.Single(r => UnicastTableTests.Strip(r.Address) == "2001:db8:4::1");

        Assert.Equal((NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginRandom), (row.PrefixOrigin, row.SuffixOrigin));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual), (parent.PrefixOrigin, parent.SuffixOrigin));
        Assert.InRange(row.ValidLifetime, temporary.Valid - 1, temporary.Valid);
        Assert.InRange(row.PreferredLifetime, temporary.Preferred - 1, temporary.Preferred);
        Assert.NotEqual(NetIo.InfiniteAddressLifetime, row.ValidLifetime);
    }

    [RootFact]
    public void RouterAdvertisement_AutoconfiguredAndTemporaryAddresses_HaveRouterAdvertisementOrigins()
    {
        using var host = new TestNetns();
        using var router = new TestNetns();
        host.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
        router.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
        host.SetSysctl("net.ipv6.conf.default.use_tempaddr", "2");
        host.ConnectVeth(router, "v0", "r0");
        WaitForLinkLocal(router, "r0");

        router.Exec("python3", "-c", SendRouterAdvertisement, "r0", "2001:db8:5::", "3000", "2000");
        var slaac = IpAddr.WaitFor(host, "v0", Eui64(host, "v0", "2001:db8:5::"), _ => true);
        var temporary = WaitForTemporary(host, "2001:db8:5:");

        var rows = UnicastTableTests.Rows(host);
        var slaacRow = rows.Single(r => UnicastTableTests.Strip(r.Address) == slaac.Address.ToString());
        var temporaryRow = rows.Single(r => UnicastTableTests.Strip(r.Address) == temporary.Address.ToString());
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginLinkLayerAddress), (slaacRow.PrefixOrigin, slaacRow.SuffixOrigin));
        Assert.Equal((NlPrefixOrigin.IpPrefixOriginRouterAdvertisement, NlSuffixOrigin.IpSuffixOriginRandom), (temporaryRow.PrefixOrigin, temporaryRow.SuffixOrigin));
        Assert.InRange(slaacRow.ValidLifetime, slaac.Valid - 1, slaac.Valid);
        Assert.InRange(slaacRow.PreferredLifetime, slaac.Preferred - 1, slaac.Preferred);
        Assert.InRange(slaacRow.ValidLifetime, 2990u, 3000u);
        Assert.Equal(64, slaacRow.OnLinkPrefixLength);
    }

    private static IpAddr WaitForTemporary(TestNetns ns, string prefix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = IpAddr.Read(ns, "v0").FirstOrDefault(a => a.Has("temporary") && a.Address.ToString().StartsWith(prefix, StringComparison.Ordinal));
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail($"no temporary address in {prefix}/64 appeared");
            Thread.Sleep(50);
        }
    }

    private static void WaitForLinkLocal(TestNetns ns, string device)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!IpAddr.Read(ns, device).Any(a => a.Address.IsIPv6LinkLocal && !a.Has("tentative")))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{device} got no usable link-local address");
            Thread.Sleep(50);
        }
    }

    /// <summary>The SLAAC address of a /64 on a device: the prefix and the modified EUI-64 of the device's MAC.</summary>
    private static string Eui64(TestNetns ns, string device, string prefix)
    {
        var mac = ns.IpJson("link", "show", "dev", device)[0].GetProperty("address").GetString()!.Split(':').Select(h => Convert.ToByte(h, 16)).ToArray();
        var bytes = IPAddress.Parse(prefix).GetAddressBytes();
        bytes[8] = (byte)(mac[0] ^ 0x02);
        bytes[9] = mac[1];
        bytes[10] = mac[2];
        bytes[11] = 0xFF;
        bytes[12] = 0xFE;
        bytes[13] = mac[3];
        bytes[14] = mac[4];
        bytes[15] = mac[5];
        return new IPAddress(bytes).ToString();
    }
}
