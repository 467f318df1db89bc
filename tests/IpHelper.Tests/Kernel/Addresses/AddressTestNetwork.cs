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
        if (!dad)
        {
            ns.SetSysctl("net.ipv6.conf.all.accept_dad", "0");
            ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0");
        }
        ns.AddVeth("v0", "v1");
        if (!dad) WaitUntilSettled(ns);
        return ns;
    }

    /// <summary>
    /// Waits until no address is tentative: even without DAD the kernel clears the flag from a work
    /// queue a moment after the link comes up.
    /// </summary>
    public static void WaitUntilSettled(TestNetns ns)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (IpAddr.Read(ns).Any(a => a.Has("tentative")))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("addresses stayed tentative although DAD is off");
            Thread.Sleep(20);
        }
    }

    /// <summary>The interface index of a device in the namespace.</summary>
    public static uint Index(TestNetns ns, string device) =>
        (uint)ns.IpJson("link", "show", "dev", device)[0].GetProperty("ifindex").GetInt32();
}
