using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Tests.Reliability.Fuzzing.Targets;

/// <summary>
/// Address messages (RTM_NEWADDR/DELADDR and the multicast/anycast membership messages): the decoder,
/// the mapping to MIB_UNICASTIPADDRESS_ROW, and the requests a Set or Delete would build back from a
/// decoded address; and the /proc/net membership parsers.
/// </summary>
internal static class AddressTargets
{
    /// <summary>/proc/net/igmp as a 6.18 kernel writes it.</summary>
    public static readonly string[] IgmpSeeds =
    [
        "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n1\tlo        :     1      V3\n\t\t\t\t010000E0     1 0:00000000\t\t0\n" +
        "2\tv0        :     2      V3\n\t\t\t\t030201EF     1 0:00000000\t\t0\n\t\t\t\t010000E0     1 0:00000000\t\t0\n",
    ];

    /// <summary>/proc/net/igmp6 and /proc/net/anycast6 lines.</summary>
    public static readonly string[] Ipv6Seeds =
    [
        "1    lo              ff020000000000000000000000000001     1 0000000C 0\n2    v0              ff0200000000000000000001ff947e6a     1 00000004 0\n",
        "2    v0              fe800000000000000000000000000000     1\n2    v0              20010db8000100000000000000000000     4\n",
    ];

    public static void Decode(in NetlinkMessage message)
    {
        if (!AddressMessage.TryDecode(message, out var address)) return;
        var length = LinuxFamily.AddressLength(address.Family);
        FuzzAssertionException.Check(length != 0, $"family {address.Family} decoded");
        if (!address.IsUnicast)
        {
            FuzzAssertionException.Check(address.Group.Length == length, "a membership without a group of the family's length");
            return;
        }
        FuzzAssertionException.Check(address.LocalAddress.Length == length, "a unicast address of the wrong length");
        FuzzAssertionException.Check(LinuxBackend.TryDecodeUnicastRow(message, static index => new NetLuid((uint)index & 0xFFFFFF, 6), out var row),
            "the row decoder refused a message the address decoder took");
        FuzzAssertionException.Check(row.OnLinkPrefixLength == address.PrefixLength && row.InterfaceIndex == (uint)address.Index, "header fields changed on the way to the row");
        FuzzAssertionException.Check(Enum.IsDefined(row.DadState) && Enum.IsDefined(row.PrefixOrigin) && Enum.IsDefined(row.SuffixOrigin), "a value outside its enumeration");
        var snapshot = AddressSnapshot.From(address);
        using var writer = new NetlinkMessageWriter();
        AddressRequest.New(writer, snapshot.Spec(), replace: true);
        AddressRequest.Delete(writer, snapshot.Spec());
        FuzzAssertionException.Check(writer.MessageCount == 2, "the requests were not written");
    }

    public static void ProcIgmp(string text)
    {
        var memberships = new List<Membership>();
        ProcNetMemberships.ParseIgmp(text, memberships);
        FuzzAssertionException.Check(memberships.TrueForAll(m => m.Length == 4 && m.Index >= 0), "an IPv4 group of the wrong length or index");
    }

    public static void ProcIpv6(string text)
    {
        var memberships = new List<Membership>();
        ProcNetMemberships.ParseIpv6(text, memberships);
        FuzzAssertionException.Check(memberships.TrueForAll(m => m.Length == 16 && m.Index >= 0), "an IPv6 membership of the wrong length or index");
    }
}
