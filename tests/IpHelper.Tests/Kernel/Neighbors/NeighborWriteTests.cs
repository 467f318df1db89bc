using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using IpHelper.Tests.Kernel.Infrastructure;
using Xunit;

namespace IpHelper.Tests.Kernel.Neighbors;

/// <summary>
/// CreateIpNetEntry2, SetIpNetEntry2, DeleteIpNetEntry2 and FlushIpNetTable2, checked with <c>ip -j neigh</c>;
/// every rejected call leaves the kernel's table as it was.
/// </summary>
public sealed class NeighborWriteTests
{
    private const string Device = "iph-n0", Other = "iph-n1";

    /// <summary>A namespace with two veth pairs whose far ends stay here too (no traffic, so no dynamic entries appear).</summary>
    private static (TestNetns Ns, uint Index, uint OtherIndex) Namespace()
    {
        var ns = new TestNetns();
        try
        {
            ns.Batch($"""
                link add {Device} type veth peer name {Device}p
                link add {Other} type veth peer name {Other}p
                link set {Device} up
                link set {Device}p up
                link set {Other} up
                link set {Other}p up
                address add 192.0.2.1/24 dev {Device}
                address add 198.51.100.1/24 dev {Other}
                """);
            var indexes = ns.IpJson("link", "show").EnumerateArray()
                .ToDictionary(l => l.GetProperty("ifname").GetString()!, l => l.GetProperty("ifindex").GetUInt32());
            return (ns, indexes[Device], indexes[Other]);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    private static MibIpNetRow2 Row(string address, uint index, string mac = "02:00:5e:00:00:07")
    {
        var row = new MibIpNetRow2 { Address = SockAddrInet.FromIPAddress(IPAddress.Parse(address)), InterfaceIndex = index };
        row.SetPhysicalAddress(Convert.FromHexString(mac.Replace(":", "", StringComparison.Ordinal)));
        return row;
    }

    private static JsonElement? Entry(TestNetns ns, string address, string device) =>
        NeighborLab.IpNeighbors(ns, address, "dev", device) is [var entry] ? entry : null;

    private static string[] States(JsonElement entry) => entry.GetProperty("state").EnumerateArray().Select(s => s.GetString()!).ToArray();

    [RootTheory]
    [InlineData("192.0.2.7")]
    [InlineData("2001:db8:1::7")]
    [InlineData("fe80::7")]
    public void CreateIpNetEntry2_RouterEntry_AppearsPermanentWithItsMac(string address)
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            var row = Row(address, index);
            row.IsRouter = true;

            using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpNetEntry2(row));

            var entry = Entry(ns, address, Device);
            Assert.NotNull(entry);
            Assert.Equal("02:00:5e:00:00:07", entry.Value.GetProperty("lladdr").GetString());
            Assert.Equal(["PERMANENT"], States(entry.Value));
            Assert.True(entry.Value.TryGetProperty("router", out _));
        }
    }

    [RootTheory]
    [InlineData(NlNeighborState.NlnsReachable, "REACHABLE")]
    [InlineData(NlNeighborState.NlnsStale, "STALE")]
    [InlineData(NlNeighborState.NlnsProbe, "PROBE")]
    [InlineData(NlNeighborState.NlnsPermanent, "PERMANENT")]
    public void CreateIpNetEntry2_State_IsTheKernelState(NlNeighborState state, string expected)
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            var row = Row("192.0.2.8", index);
            row.State = state;

            using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.CreateIpNetEntry2(row));

            var entry = Entry(ns, "192.0.2.8", Device);
            Assert.NotNull(entry);
            Assert.Contains(expected, States(entry.Value));
            Assert.False(entry.Value.TryGetProperty("router", out _));
        }
    }

    [RootFact]
    public void CreateIpNetEntry2_ByLuid_UsesTheLuidOverABogusIndex()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.Success, NetIo.ConvertInterfaceIndexToLuid(index, out var luid));
                var row = Row("192.0.2.9", 9999);
                row.InterfaceLuid = luid;
                Assert.Equal(NetIoStatus.Success, NetIo.CreateIpNetEntry2(row));
            }
            Assert.NotNull(Entry(ns, "192.0.2.9", Device));
        }
    }

    [RootFact]
    public void CreateIpNetEntry2_Duplicate_ReturnsObjectAlreadyExistsAndKeepsTheEntry()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:99", "dev", Device);
            var before = NeighborLab.Snapshot(ns);

            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.ObjectAlreadyExists, NetIo.CreateIpNetEntry2(Row("192.0.2.7", index)));
                Assert.Equal(5010u, (uint)NetIo.LastErrorDetail!.Status);
            }

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }

    public static TheoryData<string, string?, uint, NlNeighborState, string> RejectedCreates => new()
    {
        // address, MAC (null: none), interface (0: none, 1: the device, 2: unknown), state, argument blamed
        { "127.0.0.1", "02:00:5e:00:00:07", 1, 0, "Address" },
        { "::1", "02:00:5e:00:00:07", 1, 0, "Address" },
        { "0.0.0.0", "02:00:5e:00:00:07", 1, 0, "Address" },
        { "::", "02:00:5e:00:00:07", 1, 0, "Address" },
        { "192.0.2.7", null, 1, 0, "PhysicalAddressLength" },
        { "192.0.2.7", "02:00:5e:00:00", 1, 0, "PhysicalAddressLength" },
        { "192.0.2.7", "02:00:5e:00:00:07:08", 1, 0, "PhysicalAddressLength" },
        { "192.0.2.7", "02:00:5e:00:00:07", 0, 0, "InterfaceLuid" },
        { "192.0.2.7", "02:00:5e:00:00:07", 1, NlNeighborState.NlnsIncomplete, "State" },
        { "192.0.2.7", "02:00:5e:00:00:07", 1, NlNeighborState.NlnsMaximum, "State" },
    };

    [RootTheory]
    [MemberData(nameof(RejectedCreates))]
    public void CreateIpNetEntry2_BadInput_ReturnsInvalidParameterAndChangesNothing(string address, string? mac, uint which, NlNeighborState state, string argument)
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            var row = Row(address, which == 1 ? index : 0, mac ?? "");
            row.State = state;
            var before = NeighborLab.Snapshot(ns);

            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.CreateIpNetEntry2(row));
                Assert.Equal(argument, NetIo.LastErrorDetail!.Argument);
            }

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }

    [RootFact]
    public void CreateIpNetEntry2_PhysicalAddressLengthAbove32_ReturnsInvalidParameter()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            var row = Row("192.0.2.7", index);
            row.PhysicalAddressLength = 33;
            var before = NeighborLab.Snapshot(ns);

            using (ns.Enter()) Assert.Equal(NetIoStatus.InvalidParameter, NetIo.CreateIpNetEntry2(row));

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }

    [RootFact]
    public void CreateIpNetEntry2_WrongFamily_ReturnsInvalidParameter()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            var row = Row("192.0.2.7", index);
            row.Address = default;

            using (ns.Enter()) Assert.Equal(NetIoStatus.InvalidParameter, NetIo.CreateIpNetEntry2(row));
        }
    }

    [RootFact]
    public void CreateIpNetEntry2_ScopeIdOfAnotherInterface_ReturnsInvalidParameterAndChangesNothing()
    {
        var (ns, index, other) = Namespace();
        using (ns)
        {
            var row = Row($"fe80::7%{other}", index);
            var before = NeighborLab.Snapshot(ns);

            using (ns.Enter()) Assert.Equal(NetIoStatus.InvalidParameter, NetIo.CreateIpNetEntry2(row));

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }

    [RootFact]
    public void CreateIpNetEntry2_UnknownInterface_ReturnsFileNotFoundAndChangesNothing()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            var before = NeighborLab.Snapshot(ns);
            var byLuid = Row("192.0.2.7", index);
            byLuid.InterfaceLuid = new NetLuid(9999, 6);

            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.CreateIpNetEntry2(Row("192.0.2.7", 9999)));
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.CreateIpNetEntry2(byLuid));
            }

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }

    [RootFact]
    public void SetIpNetEntry2_ChangesMacStateAndRouterFlag()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:99", "dev", Device);
            var row = Row("192.0.2.7", index, "02:00:5e:00:00:42");
            row.State = NlNeighborState.NlnsStale;
            row.IsRouter = true;

            using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.SetIpNetEntry2(ref row));

            var entry = Entry(ns, "192.0.2.7", Device)!.Value;
            Assert.Equal("02:00:5e:00:00:42", entry.GetProperty("lladdr").GetString());
            Assert.Equal(["STALE"], States(entry));
            Assert.True(entry.TryGetProperty("router", out _));

            row.IsRouter = false;
            row.State = NlNeighborState.NlnsPermanent;
            using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.SetIpNetEntry2(ref row));

            entry = Entry(ns, "192.0.2.7", Device)!.Value;
            Assert.Equal(["PERMANENT"], States(entry));
            Assert.False(entry.TryGetProperty("router", out _));
        }
    }

    [RootFact]
    public void SetIpNetEntry2_MissingEntry_ReturnsNotFoundAndCreatesNothing()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            var row = Row("192.0.2.7", index);
            var before = NeighborLab.Snapshot(ns);

            using (ns.Enter()) Assert.Equal(NetIoStatus.NotFound, NetIo.SetIpNetEntry2(ref row));

            Assert.Equal(before, NeighborLab.Snapshot(ns));
            Assert.Null(Entry(ns, "192.0.2.7", Device));
        }
    }

    [RootFact]
    public void SetIpNetEntry2_BadInputs_ReturnTheDocumentedCodesAndChangeNothing()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:99", "dev", Device);
            var before = NeighborLab.Snapshot(ns);
            var shortMac = Row("192.0.2.7", index, "02:00");
            var unknown = Row("192.0.2.7", 9999);
            var loopback = Row("127.0.0.1", index);
            var noInterface = Row("192.0.2.7", 0);

            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.SetIpNetEntry2(ref shortMac));
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.SetIpNetEntry2(ref unknown));
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.SetIpNetEntry2(ref loopback));
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.SetIpNetEntry2(ref noInterface));
            }

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }

    [RootFact]
    public void DeleteIpNetEntry2_RemovesTheEntry()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "2001:db8:1::7", "lladdr", "02:00:5e:00:00:99", "dev", Device);

            using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.DeleteIpNetEntry2(Row("2001:db8:1::7", index)));

            Assert.Null(Entry(ns, "2001:db8:1::7", Device));
        }
    }

    [RootFact]
    public void DeleteIpNetEntry2_BadInputs_ReturnTheDocumentedCodesAndChangeNothing()
    {
        var (ns, index, other) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:99", "dev", Device);
            var before = NeighborLab.Snapshot(ns);

            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.NotFound, NetIo.DeleteIpNetEntry2(Row("192.0.2.8", index)));
                Assert.Equal(NetIoStatus.NotFound, NetIo.DeleteIpNetEntry2(Row("192.0.2.7", other)));
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.DeleteIpNetEntry2(Row("192.0.2.7", 9999)));
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.DeleteIpNetEntry2(Row("192.0.2.7", 0)));
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.DeleteIpNetEntry2(Row("0.0.0.0", index)));
            }

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }

    [RootFact]
    public void FlushIpNetTable2_OneInterface_DeletesItsDynamicEntriesOnly()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "192.0.2.7", "lladdr", "02:00:5e:00:00:07", "dev", Device);
            ns.Ip("neigh", "add", "192.0.2.8", "lladdr", "02:00:5e:00:00:08", "dev", Device, "nud", "stale");
            ns.Ip("neigh", "add", "2001:db8:1::8", "lladdr", "02:00:5e:00:00:08", "dev", Device, "nud", "reachable");
            ns.Ip("neigh", "add", "198.51.100.8", "lladdr", "02:00:5e:00:00:08", "dev", Other, "nud", "stale");

            using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.FlushIpNetTable2(AddressFamily.Unspecified, index));

            Assert.NotNull(Entry(ns, "192.0.2.7", Device));
            Assert.Null(Entry(ns, "192.0.2.8", Device));
            Assert.Null(Entry(ns, "2001:db8:1::8", Device));
            Assert.NotNull(Entry(ns, "198.51.100.8", Other));
        }
    }

    [RootFact]
    public void FlushIpNetTable2_OneFamilyOnEveryInterface_LeavesTheOtherFamily()
    {
        var (ns, _, _) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "192.0.2.8", "lladdr", "02:00:5e:00:00:08", "dev", Device, "nud", "stale");
            ns.Ip("neigh", "add", "198.51.100.8", "lladdr", "02:00:5e:00:00:08", "dev", Other, "nud", "stale");
            ns.Ip("neigh", "add", "2001:db8:1::8", "lladdr", "02:00:5e:00:00:08", "dev", Device, "nud", "stale");

            using (ns.Enter()) Assert.Equal(NetIoStatus.Success, NetIo.FlushIpNetTable2(AddressFamily.InterNetwork, 0));

            Assert.Null(Entry(ns, "192.0.2.8", Device));
            Assert.Null(Entry(ns, "198.51.100.8", Other));
            Assert.NotNull(Entry(ns, "2001:db8:1::8", Device));
        }
    }

    [RootFact]
    public void FlushIpNetTable2_BadInputs_ReturnTheDocumentedCodesAndChangeNothing()
    {
        var (ns, index, _) = Namespace();
        using (ns)
        {
            ns.Ip("neigh", "add", "192.0.2.8", "lladdr", "02:00:5e:00:00:08", "dev", Device, "nud", "stale");
            var before = NeighborLab.Snapshot(ns);

            using (ns.Enter())
            {
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.FlushIpNetTable2(AddressFamily.AppleTalk, index));
                Assert.Equal(NetIoStatus.InvalidParameter, NetIo.FlushIpNetTable2((AddressFamily)10, 0));
                Assert.Equal(NetIoStatus.FileNotFound, NetIo.FlushIpNetTable2(AddressFamily.Unspecified, 9999));
            }

            Assert.Equal(before, NeighborLab.Snapshot(ns));
        }
    }
}
