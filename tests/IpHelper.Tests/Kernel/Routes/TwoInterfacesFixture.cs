using IpHelper.Tests.Kernel.Infrastructure;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>
/// One <see cref="RouteTestData.TwoInterfaces"/> namespace shared by the tests of a class that only
/// make calls the library must refuse (each checks that the routes did not change), created on first use.
/// </summary>
public sealed class TwoInterfacesFixture : IDisposable
{
    private readonly Lazy<TestNetns> _ns = new(RouteTestData.TwoInterfaces);

    public TestNetns Ns => _ns.Value;

    public void Dispose()
    {
        if (_ns.IsValueCreated) _ns.Value.Dispose();
    }
}
