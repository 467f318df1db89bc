using System.Net.Sockets;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

/// <summary>
/// Writes to an interface that another process deletes while the call runs, between the call resolving
/// it and the kernel acting on it (or before, or after: the race is real, so each round lands where it
/// lands). Every call returns Success or the status docs/errors.md gives for an interface that is not
/// there, never anything else, and when all rounds are over the namespace is exactly as before: nothing
/// the calls wrote survived on another interface.
/// </summary>
public sealed class VanishingInterfaceTests
{
    private const int Rounds = 60;

    private static readonly (string Function, NetIoStatus[] Vanished, Func<uint, NetLuid, int, NetIoStatus> Call)[] s_writes =
    [
        (nameof(NetIo.CreateUnicastIpAddressEntry), [NotFound], (index, _, round) =>
        {
            NetIo.InitializeUnicastIpAddressEntry(out var row);
            (row.Address, row.OnLinkPrefixLength, row.InterfaceIndex) = (Address($"203.0.113.{round}"), 32, index);
            return NetIo.CreateUnicastIpAddressEntry(row);
        }),
        (nameof(NetIo.CreateIpForwardEntry2), [NotFound, NotSupported], (_, luid, round) =>
        {
            NetIo.InitializeIpForwardEntry(out var row);
            (row.DestinationPrefix, row.NextHop, row.InterfaceLuid, row.SitePrefixLength) = (Prefix($"198.51.100.{round}", 32), Address("0.0.0.0"), luid, 0);
            return NetIo.CreateIpForwardEntry2(row);
        }),
        (nameof(NetIo.CreateIpNetEntry2), [FileNotFound], (index, _, round) =>
        {
            var row = new MibIpNetRow2 { Address = Address($"192.0.2.{round}"), InterfaceIndex = index, State = NlNeighborState.NlnsPermanent };
            row.SetPhysicalAddress([0x02, 0, 0, 0, 0, (byte)round]);
            return NetIo.CreateIpNetEntry2(row);
        }),
        (nameof(NetIo.SetIpInterfaceEntry), [FileNotFound, NotFound], (_, luid, _) =>
        {
            NetIo.InitializeIpInterfaceEntry(out var row);
            (row.Family, row.InterfaceLuid) = (AddressFamily.InterNetworkV6, luid);
            var status = NetIo.GetIpInterfaceEntry(ref row);
            if (status != Success) return status == NotFound ? FileNotFound : status;
            (row.DadTransmits, row.ForwardingEnabled) = (row.DadTransmits + 1, !row.ForwardingEnabled);
            return NetIo.SetIpInterfaceEntry(ref row);
        }),
    ];

    [RootFact]
    public void WritesToAnInterfaceDeletedMeanwhile_SucceedOrSayItIsGone_AndLeaveNothingBehind()
    {
        using var ns = new TestNetns();
        ns.SetSysctl("net.ipv6.conf.default.accept_dad", "0"); // nothing may change by itself between the two states
        ns.SetSysctl("net.ipv6.conf.default.router_solicitations", "0");
        ns.AddVeth("v0", "v1");
        ns.AddAddress("v0", "192.0.2.1/24");
        string State() => ns.Exec("sh", "-c", "ip -j address show; ip -j link show; ip -j route show table all; ip -j -6 route show table all; ip -j neigh show");
        var before = State();
        var outcomes = new Dictionary<string, int>();

        for (var round = 1; round <= Rounds; round++)
        {
            var (function, vanished, call) = s_writes[round % s_writes.Length];
            ns.Ip("link", "add", "vx0", "type", "veth", "peer", "name", "vx1");
            ns.Up("vx0");
            NetIoStatus status;
            using (ns.Enter())
            {
                var index = NetIo.if_nametoindex("vx0");
                Assert.Equal(Success, NetIo.ConvertInterfaceIndexToLuid(index, out var luid));
                var deleting = Task.Run(() => ns.Ip("link", "del", "vx0"), TestContext.Current.CancellationToken);
                status = call(index, luid, round);
                deleting.GetAwaiter().GetResult();
            }
            Assert.True(status == Success || vanished.Contains(status), $"round {round}, {function}: {status} ({NetIo.LastErrorDetail})");
            var key = $"{function} {status}";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(before, State());
        ReliabilityCounts.Report(ReliabilityCounts.BadInputCases, Rounds,
            $"interface deleted during the call: {Rounds} writes, {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} x{o.Value}"))}");
    }
}
