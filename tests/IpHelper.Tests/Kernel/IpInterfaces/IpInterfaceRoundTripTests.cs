using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.IpInterfaces;

/// <summary>
/// Get, then Set the same row, on every interface and family of a topology of its own (loopback,
/// NOARP tun, bridge, interfaces with force_forwarding, a token, DAD off, no link-local address):
/// every call succeeds and no setting changes.
/// </summary>
public sealed class IpInterfaceRoundTripTests(IpInterfaceTopology topology) : IClassFixture<IpInterfaceTopology>
{
    [RootFact]
    public void SetEveryRowAsRead_Succeeds_AndChangesNothing()
    {
        var ns = topology.Ns;
        var sysctls = SysctlSnapshot.Read(ns);
        var state = IpInterfaceSetRejectionTests.KernelState(ns);
        using (ns.Enter())
        {
            Assert.Equal(NetIoStatus.Success, NetIo.GetIpInterfaceTable(AddressFamily.Unspecified, out var table));
            using (table)
            {
                foreach (var read in table!)
                {
                    var row = read;
                    Assert.True(NetIo.SetIpInterfaceEntry(ref row) == NetIoStatus.Success, $"{row.Family} {row.InterfaceIndex}: {NetIo.LastErrorDetail}");
                }
            }
        }
        Assert.Empty(sysctls.Differences(SysctlSnapshot.Read(ns)));
        Assert.Equal(state, IpInterfaceSetRejectionTests.KernelState(ns));
    }
}
