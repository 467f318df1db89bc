using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.Tests.Kernel.Routes.RouteTestData;

namespace IpHelper.Tests.Kernel.Routes;

/// <summary>Every write function refuses a malformed key with InvalidParameter before the kernel sees it.</summary>
public sealed class InvalidRouteKeyTests(TwoInterfacesFixture fixture) : IClassFixture<TwoInterfacesFixture>
{
    [RootTheory]
    [MemberData(nameof(RouteKeyCases.Invalid), MemberType = typeof(RouteKeyCases))]
    public void CreateIpForwardEntry2_InvalidKey_ReturnsInvalidParameterAndChangesNothing(string name, MibIpForwardRow2 row) =>
        AssertRefused(fixture.Ns, NetIoStatus.InvalidParameter, () => NetIo.CreateIpForwardEntry2(WithInterface(row)), name);

    [RootTheory]
    [MemberData(nameof(RouteKeyCases.Invalid), MemberType = typeof(RouteKeyCases))]
    public void SetIpForwardEntry2_InvalidKey_ReturnsInvalidParameterAndChangesNothing(string name, MibIpForwardRow2 row) =>
        AssertRefused(fixture.Ns, NetIoStatus.InvalidParameter, () => NetIo.SetIpForwardEntry2(WithInterface(row)), name);

    [RootTheory]
    [MemberData(nameof(RouteKeyCases.Invalid), MemberType = typeof(RouteKeyCases))]
    public void DeleteIpForwardEntry2_InvalidKey_ReturnsInvalidParameterAndChangesNothing(string name, MibIpForwardRow2 row) =>
        AssertRefused(fixture.Ns, NetIoStatus.InvalidParameter, () => NetIo.DeleteIpForwardEntry2(WithInterface(row)), name);

    private MibIpForwardRow2 WithInterface(MibIpForwardRow2 row)
    {
        if (row.InterfaceIndex == RouteKeyCases.AnyInterface) row.InterfaceIndex = RouteOracle.Index(fixture.Ns, "v0");
        return row;
    }
}
