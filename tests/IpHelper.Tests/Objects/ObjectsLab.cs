using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Objects;

/// <summary>
/// A namespace for the object-model and cmdlet tests: veth pair v0/v1 (both here, up) with 192.0.2.1/24 and
/// 2001:db8:1::1/64 on v0, 198.51.100.1/24 on v1, an IPv4 default route via 192.0.2.254 and a static route.
/// Created on first use, so runs that skip every test create nothing.
/// </summary>
public sealed class ObjectsLab : IDisposable
{
    private readonly Lazy<TestNetns> _ns = new(Build);

    /// <summary>The namespace.</summary>
    public TestNetns Ns => _ns.Value;

    /// <summary>The ifindex of a device, read with ip.</summary>
    public uint Index(string device) => Kernel.Routes.RouteOracle.Index(Ns, device);

    public void Dispose()
    {
        if (_ns.IsValueCreated) _ns.Value.Dispose();
    }

    /// <summary>Waits (up to 5 s) until the links have a carrier: a new veth pair gets it a moment after "link set up".</summary>
    private static void WaitForCarrier(TestNetns ns, params string[] links)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!links.All(link => ns.IpJson("link", "show", link).EnumerateArray().Single().GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "LOWER_UP")))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(5)) throw new TimeoutException($"no carrier on {string.Join(", ", links)} after 5 s");
            Thread.Sleep(50);
        }
    }

    private static TestNetns Build()
    {
        var ns = new TestNetns();
        try
        {
            ns.AddVeth("v0", "v1");
            ns.AddAddress("v0", "192.0.2.1/24");
            ns.AddAddress("v0", "2001:db8:1::1/64", "nodad");
            ns.AddAddress("v1", "198.51.100.1/24");
            ns.Ip("route", "add", "default", "via", "192.0.2.254");
            ns.Ip("route", "add", "203.0.113.0/26", "via", "198.51.100.2", "proto", "static", "metric", "50");
            WaitForCarrier(ns, "v0", "v1");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }
}
