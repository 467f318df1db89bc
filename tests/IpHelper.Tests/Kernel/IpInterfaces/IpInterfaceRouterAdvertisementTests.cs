using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// ManagedAddressConfigurationSupported and OtherStatefulConfigurationSupported come from the M and O
/// flags of the last router advertisement the kernel accepted (IFLA_INET6_FLAGS). A Python script in a
/// second namespace sends the advertisement (the known input) over a veth pair; no tool prints the
/// kernel's copy of the flags.
/// </summary>
public sealed class IpInterfaceRouterAdvertisementTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    /// <summary>ICMPv6 router advertisement (type 134) with hop limit 255 from the link-local address, to all nodes.</summary>
    private const string Sender = """
        import socket, struct, sys
        s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, socket.if_nametoindex(sys.argv[1]))
        flags = int(sys.argv[2])
        # type, code, checksum (the kernel fills it), hop limit, flags (M 0x80, O 0x40), router lifetime 0 (not a default router), reachable, retransmit
        s.sendto(struct.pack('!BBHBBHII', 134, 0, 0, 64, flags, 0, 0, 0), ('ff02::1', 0, 0, socket.if_nametoindex(sys.argv[1])))
        """;

    [RootFact]
    public void RouterAdvertisementFlags_AreManagedAndOtherStatefulConfiguration()
    {
        using var host = new TestNetns();
        using var router = new TestNetns();
        router.Ip("link", "add", "ra0", "type", "veth", "peer", "name", "ra1", "netns", host.Name);
        router.SetSysctl("net.ipv6.conf.ra0.accept_dad", "0");
        router.Up("ra0");
        host.Up("ra1");

        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        foreach (var (flags, managed, other) in new[] { (0xC0, true, true), (0x80, true, false), (0x40, false, true), (0x00, false, false) })
        {
            // The sender needs its link-local address, which comes with the carrier: send until the host took one.
            var deadline = DateTime.UtcNow + s_wait;
            MibIpInterfaceRow row;
            while (true)
            {
                router.Exec(python, "-c", Sender, "ra0", flags.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using (host.Enter()) row = IpInterfaceSetTests.Get(AddressFamily.InterNetworkV6, "ra1");
                if ((row.ManagedAddressConfigurationSupported == managed && row.OtherStatefulConfigurationSupported == other) || DateTime.UtcNow > deadline) break;
                Thread.Sleep(100);
            }
            Assert.Equal(managed, row.ManagedAddressConfigurationSupported);
            Assert.Equal(other, row.OtherStatefulConfigurationSupported);
        }
    }
}
