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
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }
}
