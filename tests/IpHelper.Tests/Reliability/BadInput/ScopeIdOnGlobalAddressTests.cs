using Xunit;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// A scope id on an address that is not link-local was dropped: DeleteUnicastIpAddressEntry with
/// 2001:db8::1%99 deleted 2001:db8::1 (found by the bad-input matrix). The address functions now refuse
/// it before the kernel, as GetBestRoute2 does. Reads, so they need no namespace.
/// </summary>
public sealed class ScopeIdOnGlobalAddressTests
{
    private static SockAddrInet Scoped => SockAddrInet.TryParse("2001:db8::1%99", out var address) ? address : default;

    [Fact]
    public void GetUnicastIpAddressEntry_ScopeIdOnAGlobalAddress_ReturnsInvalidParameter()
    {
        var row = new MibUnicastIpAddressRow { Address = Scoped, InterfaceIndex = 1 };
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetUnicastIpAddressEntry(ref row));
    }

    [Fact]
    public void GetAnycastIpAddressEntry_ScopeIdOnAGlobalAddress_ReturnsInvalidParameter()
    {
        var row = new MibAnycastIpAddressRow { Address = Scoped, InterfaceIndex = 1 };
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetAnycastIpAddressEntry(ref row));
    }

    [Fact]
    public void GetIpPathEntry_ScopeIdOnAGlobalDestination_ReturnsInvalidParameter()
    {
        var row = new MibIpPathRow { Destination = Scoped, InterfaceIndex = 1 };
        Assert.Equal(NetIoStatus.InvalidParameter, NetIo.GetIpPathEntry(ref row));
        Assert.Equal("Destination", NetIo.LastErrorDetail?.Argument);
    }
}
