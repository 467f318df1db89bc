using System.Net.Sockets;
using Xunit;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private static IEnumerable<BadInputCase> IpInterfaces()
    {
        yield return Read(nameof(NetIo.InitializeIpInterfaceEntry), "a row full of garbage is zeroed", Success, _ =>
        {
            var row = new MibIpInterfaceRow { Family = (AddressFamily)99, InterfaceIndex = 7, Metric = 5, NlMtu = 9, SitePrefixLength = 200 };
            NetIo.InitializeIpInterfaceEntry(out row);
            AssertSameBytes(default, row, "the initialised row");
            return Success;
        });

        const string Get = nameof(NetIo.GetIpInterfaceEntry);
        yield return Read(Get, "AF_UNSPEC", InvalidParameter, lab => GetIpInterface(AddressFamily.Unspecified, lab.V0Luid, 0));
        yield return Read(Get, "AF 99", InvalidParameter, lab => GetIpInterface((AddressFamily)99, lab.V0Luid, 0));
        yield return Read(Get, "zero LUID and index 0", InvalidParameter, _ => GetIpInterface(AddressFamily.InterNetwork, default, 0));
        yield return Read(Get, "deleted interface's index", FileNotFound, lab => GetIpInterface(AddressFamily.InterNetwork, default, lab.GoneIndex));
        yield return Read(Get, "unknown LUID", NotFound, _ => GetIpInterface(AddressFamily.InterNetworkV6, UnknownLuid, 0));
        yield return Read(Get, "deleted interface's LUID with v0's index (the LUID wins)", NotFound, lab => GetIpInterface(AddressFamily.InterNetwork, lab.GoneLuid, lab.V0));
        yield return Read(Get, "IPv6 on an interface whose IPv6 is disabled", NotFound, lab => GetIpInterface(AddressFamily.InterNetworkV6, default, lab.V1));

        foreach (var family in new[] { 99, -1, 1 })
            yield return Read(nameof(NetIo.GetIpInterfaceTable), $"AF {family}", InvalidParameter, _ => Null(NetIo.GetIpInterfaceTable((AddressFamily)family, out var table), table));

        const string Set = nameof(NetIo.SetIpInterfaceEntry);
        yield return Write(Set, "AF_UNSPEC", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.Family = AddressFamily.Unspecified));
        yield return Write(Set, "AF 99", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.Family = (AddressFamily)99));
        yield return Write(Set, "zero LUID and index 0", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => (row.InterfaceLuid, row.InterfaceIndex) = (default, 0)));
        yield return Write(Set, "deleted interface's index", FileNotFound, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => (row.InterfaceLuid, row.InterfaceIndex) = (default, lab.GoneIndex)));
        yield return Write(Set, "deleted interface's LUID", FileNotFound, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.InterfaceLuid = lab.GoneLuid));
        yield return Write(Set, "unknown LUID", FileNotFound, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.InterfaceLuid = UnknownLuid));
        yield return Write(Set, "IPv6 on an interface whose IPv6 is disabled", NotFound, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) =>
            (row.Family, row.InterfaceLuid, row.InterfaceIndex) = (AddressFamily.InterNetworkV6, default, lab.V1)));
        yield return Write(Set, "IPv4 SitePrefixLength 1", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.SitePrefixLength = 1));
        yield return Write(Set, "IPv6 SitePrefixLength 129", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.SitePrefixLength = 129));
        yield return Write(Set, "RouterDiscoveryBehavior 7", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.RouterDiscoveryBehavior = (NlRouterDiscoveryBehavior)7));
        yield return Write(Set, "LinkLocalAddressBehavior -2", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.LinkLocalAddressBehavior = (NlLinkLocalAddressBehavior)(-2)));
        yield return Write(Set, "Metric 2^31 without automatic metric", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => (row.UseAutomaticMetric, row.Metric) = (false, 1u << 31)));
        yield return Write(Set, "IPv4 NlMtu 67", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.NlMtu = 67));
        yield return Write(Set, "IPv4 NlMtu 0xFFFFFFFE", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.NlMtu = uint.MaxValue - 1));
        yield return Write(Set, "IPv6 NlMtu 1279", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.NlMtu = 1279));
        yield return Write(Set, "IPv6 NlMtu above the device MTU", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.NlMtu = 9001));
        yield return Write(Set, "BaseReachableTime 2^31", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.BaseReachableTime = 1u << 31));
        yield return Write(Set, "RetransmitTime 2^31", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.RetransmitTime = 1u << 31));
        yield return Write(Set, "DadTransmits 2^31", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.DadTransmits = 1u << 31));
        yield return Write(Set, "AdvertisingEnabled, with a valid change beside it", NotSupported, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) =>
            (row.AdvertisingEnabled, row.ForwardingEnabled) = (true, !row.ForwardingEnabled)));
        yield return Write(Set, "WeakHostSend FALSE", NotSupported, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) => row.WeakHostSend = false));
        yield return Write(Set, "RouterDiscoveryDhcp", NotSupported, lab => SetIpInterface(lab, AddressFamily.InterNetworkV6, (ref row) => row.RouterDiscoveryBehavior = NlRouterDiscoveryBehavior.RouterDiscoveryDhcp));
        yield return Write(Set, "an invalid NlMtu after a valid metric change", InvalidParameter, lab => SetIpInterface(lab, AddressFamily.InterNetwork, (ref row) =>
            (row.UseAutomaticMetric, row.Metric, row.NlMtu) = (false, 77, 20)));
    }

    private delegate void RowChange(ref MibIpInterfaceRow row);

    private static NetIoStatus GetIpInterface(AddressFamily family, NetLuid luid, uint index)
    {
        NetIo.InitializeIpInterfaceEntry(out var row);
        (row.Family, row.InterfaceLuid, row.InterfaceIndex) = (family, luid, index);
        var before = row;
        var status = NetIo.GetIpInterfaceEntry(ref row);
        if (status != Success) AssertSameBytes(before, row, "the row"); // the row is left as it was on every failure
        return status;
    }

    /// <summary>Reads v0's row of <paramref name="family"/>, applies <paramref name="change"/> and writes it back.</summary>
    private static NetIoStatus SetIpInterface(BadInputLab lab, AddressFamily family, RowChange change)
    {
        NetIo.InitializeIpInterfaceEntry(out var row);
        (row.Family, row.InterfaceLuid) = (family, lab.V0Luid);
        Assert.Equal(Success, NetIo.GetIpInterfaceEntry(ref row));
        change(ref row);
        return NetIo.SetIpInterfaceEntry(ref row);
    }
}
