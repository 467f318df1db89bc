using System.Net.Sockets;
using System.Runtime.InteropServices;
using Xunit;

namespace IpHelper.Tests.Unit.IpInterfaces;

/// <summary>InitializeIpInterfaceEntry: Family AF_UNSPEC, LUID unspecified, every other member 0.</summary>
public sealed class InitializeIpInterfaceEntryTests
{
    [Fact]
    public void Initialize_OverwritesEveryByte_WithTheDocumentedDefaults()
    {
        var row = default(MibIpInterfaceRow);
        MemoryMarshal.AsBytes(new Span<MibIpInterfaceRow>(ref row)).Fill(0xCC);

        NetIo.InitializeIpInterfaceEntry(out row);

        Assert.Equal(AddressFamily.Unspecified, row.Family);
        Assert.True(row.InterfaceLuid.IsUnspecified);
        Assert.All(MemoryMarshal.AsBytes(new ReadOnlySpan<MibIpInterfaceRow>(in row)).ToArray(), b => Assert.Equal(0, b));
    }
}
