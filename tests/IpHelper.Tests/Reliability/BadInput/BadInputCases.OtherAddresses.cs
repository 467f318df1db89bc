using System.Net.Sockets;
using static IpHelper.NetIoStatus;
using static IpHelper.Tests.Reliability.BadInput.BadInputLab;

namespace IpHelper.Tests.Reliability.BadInput;

public static partial class BadInputCases
{
    private static IEnumerable<BadInputCase> OtherAddresses()
    {
        foreach (var family in new[] { 99, -1, 1 })
        {
            yield return Read(nameof(NetIo.GetAnycastIpAddressTable), $"AF {family}", InvalidParameter, _ => Null(NetIo.GetAnycastIpAddressTable((AddressFamily)family, out var table), table));
            yield return Read(nameof(NetIo.GetMulticastIpAddressTable), $"AF {family}", InvalidParameter, _ => Null(NetIo.GetMulticastIpAddressTable((AddressFamily)family, out var table), table));
        }

        var notAnycast = new (string Name, string? Address)[] { ("address of AF 99", null), ("::", "::"), ("multicast ff02::9", "ff02::9"), ("a scope id on a global IPv6 address", "2001:db8::50%99") };
        foreach (var (name, address) in notAnycast)
        {
            yield return Read(nameof(NetIo.GetAnycastIpAddressEntry), name, InvalidParameter, lab => GetAnycast(Anycast(lab.V0, address)));
            yield return Write(nameof(NetIo.CreateAnycastIpAddressEntry), name, InvalidParameter, lab => NetIo.CreateAnycastIpAddressEntry(Anycast(lab.V0, address)));
            yield return Write(nameof(NetIo.DeleteAnycastIpAddressEntry), name, InvalidParameter, lab => NetIo.DeleteAnycastIpAddressEntry(Anycast(lab.V0, address)));
        }
        yield return Read(nameof(NetIo.GetAnycastIpAddressEntry), "an IPv4 address", NotSupported, lab => GetAnycast(Anycast(lab.V0, "192.0.2.1")));
        yield return Read(nameof(NetIo.GetAnycastIpAddressEntry), "zero LUID and index 0", FileNotFound, _ => GetAnycast(Anycast(0, "2001:db8::")));
        yield return Read(nameof(NetIo.GetAnycastIpAddressEntry), "deleted interface's index", FileNotFound, lab => GetAnycast(Anycast(lab.GoneIndex, "2001:db8::")));
        yield return Read(nameof(NetIo.GetAnycastIpAddressEntry), "an anycast address the interface has not joined", NotFound, lab => GetAnycast(Anycast(lab.V0, "2001:db8::99")));
        yield return Write(nameof(NetIo.CreateAnycastIpAddressEntry), "an IPv4 address", NotSupported, lab => NetIo.CreateAnycastIpAddressEntry(Anycast(lab.V0, "192.0.2.50")));
        yield return Write(nameof(NetIo.CreateAnycastIpAddressEntry), "zero LUID and index 0", InvalidParameter, _ => NetIo.CreateAnycastIpAddressEntry(Anycast(0, "2001:db8::50")));
        yield return Write(nameof(NetIo.CreateAnycastIpAddressEntry), "deleted interface's index", NotFound, lab => NetIo.CreateAnycastIpAddressEntry(Anycast(lab.GoneIndex, "2001:db8::50")));
        yield return Write(nameof(NetIo.CreateAnycastIpAddressEntry), "the interface's own unicast address", InvalidParameter, lab => NetIo.CreateAnycastIpAddressEntry(Anycast(lab.V0, "2001:db8::1")));
        yield return Write(nameof(NetIo.CreateAnycastIpAddressEntry), "an anycast address the interface has joined", ObjectAlreadyExists, lab => NetIo.CreateAnycastIpAddressEntry(Anycast(lab.V0, JoinedAnycast)));
        yield return Write(nameof(NetIo.DeleteAnycastIpAddressEntry), "an IPv4 address", NotSupported, lab => NetIo.DeleteAnycastIpAddressEntry(Anycast(lab.V0, "192.0.2.50")));
        yield return Write(nameof(NetIo.DeleteAnycastIpAddressEntry), "zero LUID and index 0", InvalidParameter, _ => NetIo.DeleteAnycastIpAddressEntry(Anycast(0, "2001:db8::50")));
        yield return Write(nameof(NetIo.DeleteAnycastIpAddressEntry), "deleted interface's index", NotFound, lab => NetIo.DeleteAnycastIpAddressEntry(Anycast(lab.GoneIndex, "2001:db8::50")));
        yield return Write(nameof(NetIo.DeleteAnycastIpAddressEntry), "an anycast address the interface has not joined", NotFound, lab => NetIo.DeleteAnycastIpAddressEntry(Anycast(lab.V0, "2001:db8::50")));
        yield return Write(nameof(NetIo.DeleteAnycastIpAddressEntry), "the subnet-router anycast address the kernel holds", NotSupported, lab => NetIo.DeleteAnycastIpAddressEntry(Anycast(lab.V0, "2001:db8::")));

        const string Multicast = nameof(NetIo.GetMulticastIpAddressEntry);
        yield return Read(Multicast, "address of AF 99", InvalidParameter, lab => GetMulticast(lab.V0, Family(99)));
        yield return Read(Multicast, "a unicast address", InvalidParameter, lab => GetMulticast(lab.V0, Address("2001:db8::1")));
        yield return Read(Multicast, "zero LUID and index 0", FileNotFound, _ => GetMulticast(0, Address("ff02::1")));
        yield return Read(Multicast, "deleted interface's index", FileNotFound, lab => GetMulticast(lab.GoneIndex, Address("224.0.0.1")));
        yield return Read(Multicast, "a group the interface has not joined", NotFound, lab => GetMulticast(lab.V0, Address("ff02::1:2")));

        const string Pairs = nameof(NetIo.CreateSortedAddressPairs);
        yield return Read(Pairs, "a non-empty source list", InvalidParameter, _ => SortedPairs([Address("2001:db8::1")], [Address("2001:db8::5")]));
        yield return Read(Pairs, "no destinations", InvalidParameter, _ => SortedPairs([], []));
        yield return Read(Pairs, "501 destinations", InvalidParameter, _ => SortedPairs([], [.. Enumerable.Repeat(Address("2001:db8::5"), 501)]));
        yield return Read(Pairs, "an IPv4 destination (not IPv4-mapped)", InvalidParameter, _ => SortedPairs([], [Address("2001:db8::5"), Address("192.0.2.5")]));
        yield return Read(Pairs, "a destination of AF 99", InvalidParameter, _ => SortedPairs([], [Family(99)]));
    }

    /// <summary>The anycast address the lab joins on v0 through CreateAnycastIpAddressEntry.</summary>
    internal const string JoinedAnycast = "2001:db8::a1";

    /// <summary>An anycast row; a null address stands for one of AF 99.</summary>
    internal static MibAnycastIpAddressRow Anycast(uint index, string? address) =>
        new() { Address = address is null ? Family(99) : Address(address), InterfaceIndex = index };

    private static NetIoStatus GetAnycast(MibAnycastIpAddressRow row) => NetIo.GetAnycastIpAddressEntry(ref row);

    private static NetIoStatus GetMulticast(uint index, SockAddrInet address)
    {
        var row = new MibMulticastIpAddressRow { Address = address, InterfaceIndex = index };
        return NetIo.GetMulticastIpAddressEntry(ref row);
    }

    private static NetIoStatus SortedPairs(SockAddrInet[] sources, SockAddrInet[] destinations) =>
        Null(NetIo.CreateSortedAddressPairs(sources, destinations, 0, out var pairs), pairs);
}
