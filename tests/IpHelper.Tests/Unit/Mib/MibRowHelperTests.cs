using System.Net.NetworkInformation;
using IpHelper;
using Xunit;

namespace IpHelper.Tests.Unit.Mib;

public sealed class MibRowHelperTests
{
    [Fact]
    public void MibIfRow2_Alias_TruncatesAt256CharsAndTerminates()
    {
        var row = new MibIfRow2 { Alias = new string('a', 300) };
        Assert.Equal(new string('a', 256), row.Alias);
        Assert.Equal('\0', row.AliasChars[256]);
    }

    [Fact]
    public void MibIfRow2_Alias_Of256Chars_IsKeptWhole()
    {
        var text = string.Concat(Enumerable.Range(0, 256).Select(i => (char)('A' + i % 26)));
        var row = new MibIfRow2 { Alias = text, Description = text };
        Assert.Equal(text, row.Alias);
        Assert.Equal(text, row.Description);
    }

    [Fact]
    public void MibIfRow2_ShorterAlias_ClearsTheRestOfTheBuffer()
    {
        var row = new MibIfRow2 { Alias = "a-long-interface-name" };
        row.Alias = "eth0";
        Assert.Equal("eth0", row.Alias);
        Assert.False(((ReadOnlySpan<char>)row.AliasChars)[4..].ContainsAnyExcept('\0'));
    }

    [Fact]
    public void MibIfRow2_AliasWithoutNul_ReadsAll257Chars()
    {
        var row = new MibIfRow2();
        ((Span<char>)row.AliasChars).Fill('x');
        Assert.Equal(257, row.Alias.Length);
    }

    [Fact]
    public void MibIfRow2_Description_IsIndependentOfAlias_AndNullIsRejected()
    {
        var row = new MibIfRow2 { Alias = "eth0", Description = "Intel Ethernet" };
        Assert.Equal("eth0", row.Alias);
        Assert.Equal("Intel Ethernet", row.Description);
        Assert.Throws<ArgumentNullException>(() => row.Alias = null!);
    }

    [Fact]
    public void MibIfRow2_SetPhysicalAddress_SetsLengthAndBytes()
    {
        var row = new MibIfRow2();
        row.SetPhysicalAddress([0x02, 0x00, 0x5E, 0x10, 0x00, 0x01]);
        row.SetPermanentPhysicalAddress([0x02, 0x00, 0x5E, 0x10, 0x00, 0x02]);
        Assert.Equal(6u, row.PhysicalAddressLength);
        Assert.Equal(PhysicalAddress.Parse("02-00-5E-10-00-01"), row.GetPhysicalAddress());
        Assert.Equal(PhysicalAddress.Parse("02-00-5E-10-00-02"), row.GetPermanentPhysicalAddress());
        Assert.Equal([0x02, 0x00, 0x5E, 0x10, 0x00, 0x01], row.GetPhysicalAddressBytes().ToArray());
        Assert.Equal(6, row.GetPermanentPhysicalAddressBytes().Length);
    }

    [Fact]
    public void SetPhysicalAddress_Shorter_ZeroesTheRest_LongerThan32Throws()
    {
        var row = new MibIpNetRow2();
        row.SetPhysicalAddress(Enumerable.Repeat((byte)0xFF, 32).ToArray());
        row.SetPhysicalAddress([1, 2]);
        Assert.Equal(2u, row.PhysicalAddressLength);
        Assert.False(((ReadOnlySpan<byte>)row.PhysicalAddress)[2..].ContainsAnyExcept((byte)0));
        Assert.Throws<ArgumentException>(() => row.SetPhysicalAddress(new byte[33]));
        Assert.Equal(2u, row.PhysicalAddressLength);
    }

    [Fact]
    public void GetPhysicalAddress_LengthFieldAbove32_IsClamped()
    {
        var row = new MibIpNetRow2 { PhysicalAddressLength = 1000 };
        Assert.Equal(32, row.GetPhysicalAddressBytes().Length);
        Assert.Equal(32, row.GetPhysicalAddress().GetAddressBytes().Length);
    }

    [Fact]
    public void MibIpNetRow2_FlagBits_MapToIsRouterAndIsUnreachable()
    {
        var row = new MibIpNetRow2 { IsRouter = true };
        Assert.Equal(1, row.Flags);
        row.IsUnreachable = true;
        Assert.Equal(3, row.Flags);
        row.IsRouter = false;
        Assert.Equal(2, row.Flags);
        Assert.True(row.IsUnreachable);
        Assert.False(row.IsRouter);
    }

    [Fact]
    public void ReachabilityUnions_ShareOneField()
    {
        var neighbor = new MibIpNetRow2 { LastReachable = 1234 };
        Assert.Equal(1234u, neighbor.LastUnreachable);
        var path = new MibIpPathRow { LastUnreachable = 99 };
        Assert.Equal(99u, path.LastReachable);
    }

    [Fact]
    public void MibIpInterfaceRow_Family_RoundTripsWindowsValues()
    {
        var row = new MibIpInterfaceRow { Family = System.Net.Sockets.AddressFamily.InterNetworkV6 };
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, row.Family);
        Assert.Equal(System.Net.Sockets.AddressFamily.Unspecified, default(MibIpInterfaceRow).Family);
    }
}
