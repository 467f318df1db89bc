using IpHelper;
using Xunit;

namespace IpHelper.Tests.Unit.Mib;

public sealed class NetLuidTests
{
    [Fact]
    public void NetLuid_IndexAndType_PackIntoWindowsBitfields()
    {
        var luid = new NetLuid(5, 6);
        Assert.Equal((6UL << 48) | (5UL << 24), luid.Value);
        Assert.Equal(5u, luid.NetLuidIndex);
        Assert.Equal((ushort)6, luid.IfType);
        Assert.Equal(0u, luid.Reserved);
    }

    [Fact]
    public void NetLuid_FromValue_ExposesAllThreeBitfields()
    {
        var luid = new NetLuid(0xFFFE_ABCDEF_123456UL);
        Assert.Equal(0x123456u, luid.Reserved);
        Assert.Equal(0xABCDEFu, luid.NetLuidIndex);
        Assert.Equal((ushort)0xFFFE, luid.IfType);
    }

    [Fact]
    public void NetLuid_LargestIndex_Fits_NextOneThrows()
    {
        Assert.Equal(0xFFFFFFu, new NetLuid(NetLuid.MaxNetLuidIndex, ushort.MaxValue).NetLuidIndex);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NetLuid(1u << 24, 6));
    }

    [Fact]
    public void NetLuid_Zero_IsUnspecified()
    {
        Assert.True(default(NetLuid).IsUnspecified);
        Assert.False(new NetLuid(1, 24).IsUnspecified);
    }

    [Fact]
    public void NetLuid_Equality_ComparesValue_ToStringIsDecimalValue()
    {
        var a = new NetLuid(7, 24);
        var b = new NetLuid(a.Value);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new NetLuid(7, 6));
        Assert.Equal(((24UL << 48) | (7UL << 24)).ToString(), a.ToString());
    }

    [Fact]
    public void ScopeId_ZoneAndLevel_PackIntoWindowsBitfields()
    {
        var scope = new ScopeId(3, ScopeLevel.ScopeLevelGlobal);
        Assert.Equal(0xE000_0003u, scope.Value);
        Assert.Equal(3u, scope.Zone);
        Assert.Equal(ScopeLevel.ScopeLevelGlobal, scope.Level);
        scope.Zone = ScopeId.MaxZone;
        Assert.Equal(0xEFFF_FFFFu, scope.Value);
        Assert.Equal(ScopeLevel.ScopeLevelGlobal, new ScopeId(0xE000_0003u).Level);
    }

    [Fact]
    public void ScopeId_OutOfRangeParts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScopeId(1u << 28, ScopeLevel.ScopeLevelLink));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScopeId(1, ScopeLevel.ScopeLevelCount));
    }
}
