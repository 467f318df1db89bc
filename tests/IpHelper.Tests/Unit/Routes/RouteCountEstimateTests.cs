using IpHelper.Linux;
using IpHelper.Linux.Rtnl;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Unit.Routes;

public sealed class RouteCountEstimateTests
{
    // A table id of its own per test, so no other test's dumps share the remembered estimate.
    private static RouteTableSelection Table(uint id) => new(RouteTableSelection.SelectionKind.Single, id);

    [Fact]
    public void Rows_AfterADumpThatFilledHalfOrMore_IsTheSameEstimate()
    {
        var context = TestBackend.Context;
        var tables = Table(0x7E57_0001);

        RouteCountEstimate.Remember(context, [RouteConstants.AF_INET], tables, estimate: 10_000, rows: 6_000);

        Assert.Equal(10_000, RouteCountEstimate.Rows(context, [RouteConstants.AF_INET], tables));
    }

    [Theory]
    [InlineData(4_000)]
    [InlineData(12_000)]
    public void Rows_AfterADumpOutsideTheEstimate_FollowsTheRowCount(int rows)
    {
        var context = TestBackend.Context;
        var tables = Table(0x7E57_0002 + (uint)rows);

        RouteCountEstimate.Remember(context, [RouteConstants.AF_INET6], tables, estimate: 10_000, rows: rows);

        Assert.Equal(rows + rows / 32 + 64, RouteCountEstimate.Rows(context, [RouteConstants.AF_INET6], tables));
    }

    [Fact]
    public void Rows_OfAnotherFamily_IsNotTheRememberedOne()
    {
        var context = TestBackend.Context;
        var tables = Table(0x7E57_0003);

        RouteCountEstimate.Remember(context, [RouteConstants.AF_INET], tables, estimate: 123_456, rows: 100_000);

        Assert.NotEqual(123_456, RouteCountEstimate.Rows(context, [RouteConstants.AF_INET, RouteConstants.AF_INET6], tables));
    }
}
