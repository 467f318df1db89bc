using IpHelper.Linux.Proc;
using Xunit;

namespace IpHelper.Tests.Unit.Teredo;

public sealed class TeredoClientTests
{
    private const string ProcNetUdp =
        "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n" +
        "  112: 00000000:0000 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 11111 2 0000000000000000 0\n" +
        "  113: 00000000:DD6C 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 22222 2 0000000000000000 0\n" +
        "  114: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 33333 2 0000000000000000 0\n";

    [Fact]
    public void FindBoundPort_PicksTheOwnedSocketWithAPort()
    {
        Assert.Equal((ushort)0xDD6C, TeredoClient.FindBoundPort(ProcNetUdp, new HashSet<ulong> { 11111, 22222 }));
    }

    [Fact]
    public void FindBoundPort_SocketsOfOthersOrUnbound_GiveNull()
    {
        Assert.Null(TeredoClient.FindBoundPort(ProcNetUdp, new HashSet<ulong> { 11111 }));
        Assert.Null(TeredoClient.FindBoundPort(ProcNetUdp, new HashSet<ulong> { 99999 }));
        Assert.Null(TeredoClient.FindBoundPort("garbage\nlines : that are not a table\n", new HashSet<ulong> { 1 }));
    }
}
