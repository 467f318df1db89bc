using Xunit;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// A scope id on a next hop that is not link-local was dropped and the route written without it
/// (found by the bad-input matrix); every route function now refuses it before the kernel, as
/// GetBestRoute2 refuses a scoped global destination. A read, so it needs no namespace.
/// </summary>
public sealed class ScopedNextHopTests
{
    [Theory]
    [InlineData("2001:db8::ff%99")]
    [InlineData("::%1")]
    public void GetIpForwardEntry2_ScopeIdOnANextHopThatIsNotLinkLocal_ReturnsInvalidParameter(string nextHop)
    {
        NetIo.InitializeIpForwardEntry(out var row);
        Assert.True(IpAddressPrefix.TryParse("2001:db8:5::/64", out row.DestinationPrefix));
        Assert.True(SockAddrInet.TryParse(nextHop, out row.NextHop));
        row.InterfaceIndex = 1;

        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpForwardEntry2(ref row));
        Assert.Equal("NextHop", NetIo.LastErrorDetail?.Argument);
    }
}
