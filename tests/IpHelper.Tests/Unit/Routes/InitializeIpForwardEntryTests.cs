using Xunit;

namespace IpHelper.Tests.Unit.Routes;

public sealed class InitializeIpForwardEntryTests
{
    [Fact]
    public void InitializeIpForwardEntry_SetsTheDocumentedDefaults()
    {
        var row = new MibIpForwardRow2 { Age = 5, Metric = 3, InterfaceIndex = 9 };

        NetIo.InitializeIpForwardEntry(out row);

        Assert.Equal(uint.MaxValue, row.ValidLifetime);
        Assert.Equal(uint.MaxValue, row.PreferredLifetime);
        Assert.True(row.Loopback);
        Assert.True(row.AutoconfigureAddress);
        Assert.True(row.Publish);
        Assert.True(row.Immortal);
        Assert.Equal(byte.MaxValue, row.SitePrefixLength);
        Assert.Equal(uint.MaxValue, row.Metric);
        Assert.Equal((NlRouteProtocol)(-1), row.Protocol);
        Assert.Equal(0u, row.InterfaceIndex);
        Assert.True(row.InterfaceLuid.IsUnspecified);
        Assert.Equal(0u, row.Age);
        Assert.Equal(NlRouteOrigin.NlroManual, row.Origin);
        Assert.Equal(default, row.DestinationPrefix);
        Assert.Equal(default, row.NextHop);
    }
}
