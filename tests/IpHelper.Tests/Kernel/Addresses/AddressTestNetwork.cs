using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Addresses;

/// <summary>Small topologies the address tests share.</summary>
internal static class AddressTestNetwork
{
    /// <summary>
    /// A namespace with a veth pair v0/v1 (both ends here, both up) and duplicate address detection
    /// off, so every address is stable from the start (no tentative state changing under the test).
    /// </summary>
    public static TestNetns WithVeth(bool dad = false)
    {
        var ns = new TestNetns();
        try
        {
            if (!dad)
            {
                ns.SetSysctl("net.ipv6.conf.all.accept_dad", "0");
                ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
            }
            ns.AddVeth("v0", "v1");
            if (!dad) WaitUntilSettled(ns, "v0", "v1");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits until no address is tentative and each of <paramref name="linksWithLinkLocal"/> has its IPv6
    /// link-local address: even without DAD the kernel adds that address and clears the tentative flag from
    /// a work queue a moment after the link comes up (long enough, on a loaded machine, for a test's
    /// before/after snapshot to see it change).
    /// </summary>
    public static void WaitUntilSettled(TestNetns ns, params string[] linksWithLinkLocal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var addresses = IpAddr.Read(ns);
            if (!addresses.Any(a => a.Has("tentative"))
                && linksWithLinkLocal.All(link => addresses.Any(a => a.Device == link && a.Address.IsIPv6LinkLocal)))
                return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("addresses stayed tentative, or a link-local address did not appear, although DAD is off");
            Thread.Sleep(20);
        }
    }

    /// <summary>The interface index of a device in the namespace.</summary>
    public static uint Index(TestNetns ns, string device) =>
        (uint)ns.IpJson("link", "show", "dev", device)[0].GetProperty("ifindex").GetInt32();
}
