using IpHelper.Linux;
using Xunit;

namespace IpHelper.Tests.Unit.Routes;

public sealed class RouteTablesTests
{
    [Fact]
    public void Current_OutsideAnyScope_IsMainAndLocalWritingToMain()
    {
        var current = RouteTables.Current;

        Assert.Equal(RouteTableSelection.SelectionKind.MainAndLocal, current.Kind);
        Assert.Equal(RouteTables.Main, current.WriteTable);
        Assert.True(current.Includes(RouteTables.Main));
        Assert.True(current.Includes(RouteTables.Local));
        Assert.False(current.Includes(100));
    }

    [Fact]
    public void Enter_OneTable_SelectsItForReadingAndWriting()
    {
        using var scope = RouteTables.Enter(100);

        Assert.Equal(100u, RouteTables.Current.WriteTable);
        Assert.True(RouteTables.Current.Includes(100));
        Assert.False(RouteTables.Current.Includes(RouteTables.Main));
    }

    [Fact]
    public void Enter_All_ReadsEveryTableAndWritesToMain()
    {
        using var scope = RouteTables.Enter(RouteTables.All);

        Assert.True(RouteTables.Current.Includes(100));
        Assert.True(RouteTables.Current.Includes(RouteTables.Local));
        Assert.Equal(RouteTables.Main, RouteTables.Current.WriteTable);
    }

    [Fact]
    public void Dispose_NestedScopes_RestoresTheOuterSelection()
    {
        using (RouteTables.Enter(100))
        {
            using (RouteTables.Enter(200)) Assert.Equal(200u, RouteTables.Current.WriteTable);
            Assert.Equal(100u, RouteTables.Current.WriteTable);
        }
        Assert.Equal(RouteTableSelection.SelectionKind.MainAndLocal, RouteTables.Current.Kind);
    }

    [Fact]
    public void Dispose_OuterScopeFirst_LeavesTheInnerOneCurrentUntilItEnds()
    {
        var outer = RouteTables.Enter(100);
        var inner = RouteTables.Enter(200);

        outer.Dispose();
        Assert.Equal(200u, RouteTables.Current.WriteTable);
        inner.Dispose();
        Assert.Equal(RouteTableSelection.SelectionKind.MainAndLocal, RouteTables.Current.Kind);
    }

    [Fact]
    public async Task Enter_InAnAsyncFlow_DoesNotLeakIntoTheCaller()
    {
        await Task.Run(() => RouteTables.Enter(100));

        Assert.Equal(RouteTableSelection.SelectionKind.MainAndLocal, RouteTables.Current.Kind);
    }
}
