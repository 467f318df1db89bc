using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IpHelper.Windows;
using Xunit;

namespace IpHelper.Tests.Windows;

/// <summary>
/// The layouts the Windows backend passes to or reads from iphlpapi beside the MIB rows (those are pinned in
/// Unit/Mib/MibLayoutTests): the MIB_*_TABLE headers, SOCKADDR_IN6_PAIR, and the enum and scalar arguments,
/// at their Windows x64 sizes and offsets.
/// </summary>
public sealed class WindowsLayoutTests
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TableOf<TRow> where TRow : unmanaged
    {
        public uint NumEntries;
        public TRow First;
    }

    private static int RowOffset<TRow>() where TRow : unmanaged
    {
        var table = default(TableOf<TRow>);
        return (int)Unsafe.ByteOffset(ref Unsafe.As<TableOf<TRow>, byte>(ref table), ref Unsafe.As<TRow, byte>(ref table.First));
    }

    [Fact]
    public void MibTables_RowsFollowNumEntries_AtTheRowAlignment()
    {
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibIfRow2>());
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibIpInterfaceRow>());
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibUnicastIpAddressRow>());
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibAnycastIpAddressRow>());
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibMulticastIpAddressRow>());
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibIpNetRow2>());
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibIpPathRow>());
        Assert.Equal(WindowsBackend.TableRowOffset, RowOffset<MibIpForwardRow2>());
        Assert.Equal(WindowsBackend.StackTableRowOffset, RowOffset<MibIfStackRow>());
        Assert.Equal(WindowsBackend.StackTableRowOffset, RowOffset<MibInvertedIfStackRow>());
    }

    [Fact]
    public unsafe void SockAddrIn6Pair_IsTwoPointers()
    {
        Assert.Equal(16, sizeof(SockAddrIn6PairNative));
        var pair = default(SockAddrIn6PairNative);
        Assert.Equal(0, (int)((byte*)&pair.SourceAddress - (byte*)&pair));
        Assert.Equal(8, (int)((byte*)&pair.DestinationAddress - (byte*)&pair));
        Assert.Equal(28, sizeof(SockAddrInet)); // SOCKADDR_IN6, what the pointers point at
    }

    [Fact]
    public void EnumArguments_AreFourBytes()
    {
        Assert.Equal(4, Unsafe.SizeOf<MibIfEntryLevel>());
        Assert.Equal(4, Unsafe.SizeOf<MibIfTableLevel>());
        Assert.Equal(4, Unsafe.SizeOf<MibNotificationType>());
    }
}
