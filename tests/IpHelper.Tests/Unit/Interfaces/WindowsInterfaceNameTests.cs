using Xunit;

namespace IpHelper.Tests.Unit.Interfaces;

public sealed class WindowsInterfaceNameTests
{
    /// <summary>The prefix table of the conformance checklist (spec section B 3.1), and iftype&lt;T&gt; for the rest.</summary>
    public static TheoryData<ushort, uint, string> Names => new()
    {
        { 1, 5, "other_5" },
        { 6, 2, "ethernet_2" },
        { 9, 5, "tokenring_5" },
        { 23, 5, "ppp_5" },
        { 24, 1, "loopback_1" },
        { 37, 5, "atm_5" },
        { 71, 5, "wireless_5" },
        { 131, 9, "tunnel_9" },
        { 144, 5, "ieee1394_5" },
        { 209, 4, "iftype209_4" },
        { 53, 7, "iftype53_7" },
        { 161, 3, "iftype161_3" },
        { 65535, 1, "iftype65535_1" },
        { 6, 0, "ethernet_0" },
        { 6, NetLuid.MaxNetLuidIndex, "ethernet_16777215" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Format_WritesPrefixUnderscoreNetLuidIndex(ushort ifType, uint index, string expected)
    {
        Assert.Equal(expected, WindowsInterfaceName.Format(new NetLuid(index, ifType)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TryParse_ReadsBackWhatFormatWrote(ushort ifType, uint index, string name)
    {
        Assert.True(WindowsInterfaceName.TryParse(name, out var luid));

        Assert.Equal(new NetLuid(index, ifType), luid);
        Assert.Equal(0u, luid.Reserved);
    }

    [Theory]
    [InlineData("iftype6_3", 6, 3)]
    [InlineData("iftype24_1", 24, 1)]
    [InlineData("iftype131_77", 131, 77)]
    public void TryParse_IftypeFormOfAPrefixedType_GivesThatType(string name, ushort ifType, uint index)
    {
        Assert.True(WindowsInterfaceName.TryParse(name, out var luid));

        Assert.Equal(new NetLuid(index, ifType), luid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("_")]
    [InlineData("_1")]
    [InlineData("ethernet")]
    [InlineData("ethernet_")]
    [InlineData("ethernet_x")]
    [InlineData("ethernet_1x")]
    [InlineData("ethernet_-1")]
    [InlineData("ethernet_+1")]
    [InlineData("ethernet_ 1")]
    [InlineData("ethernet_1 ")]
    [InlineData(" ethernet_1")]
    [InlineData("ethernet__1")]
    [InlineData("ethernet_1_2")]
    [InlineData("ethernet_16777216")]
    [InlineData("ethernet_4294967296")]
    [InlineData("Ethernet_1")]
    [InlineData("LOOPBACK_1")]
    [InlineData("ether_1")]
    [InlineData("eth0")]
    [InlineData("iftype_5")]
    [InlineData("iftypeX_5")]
    [InlineData("iftype-1_5")]
    [InlineData("iftype65536_5")]
    [InlineData("iftype 6_5")]
    [InlineData("{00000001-0000-0000-0000-000000000000}")]
    public void TryParse_AnythingElse_IsFalse_AndAZeroLuid(string name)
    {
        Assert.False(WindowsInterfaceName.TryParse(name, out var luid));

        Assert.Equal(0UL, luid.Value);
    }
}
