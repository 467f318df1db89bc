using System.Text;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Tests.Reliability.Fuzzing.Targets;

/// <summary>
/// RTM_NEWLINK: the decoder and the socket-free part of the link to MIB_IF_ROW2 mapping (type
/// classification, GUID, identity). LinuxBackend.Fill itself asks ethtool through a socket for speed
/// and driver, so it is not fuzzed; every value it reads comes from the decoded message checked here.
/// </summary>
internal static class LinkTargets
{
    public static void Decode(in NetlinkMessage message)
    {
        if (!LinkMessage.TryDecode(message, out var link)) return;
        FuzzAssertionException.Check(message.Type == RtnlMessageType.RTM_NEWLINK, $"message type {message.Type} decoded as a link");
        FuzzAssertionException.Check(message.TryReadHeader(out IfInfoMsg header) && header.Index == link.Index, "the ifindex is not the header's");
        FuzzAssertionException.Check(link.Name.IndexOf((byte)0) < 0 && link.Kind.IndexOf((byte)0) < 0, "a name or kind kept its NUL");
        var type = LinuxInterfaceType.Classify(link);
        _ = LinuxInterfaceGuid.FromName(link.Name);
        var identity = LinuxBackend.IdentityOf(link);
        FuzzAssertionException.Check(identity.Luid.IsUnspecified || identity.Luid.NetLuidIndex == (uint)link.Index, "the LUID index is not the ifindex");
        FuzzAssertionException.Check(identity.Luid.IsUnspecified || identity.Luid.IfType == (ushort)type.Type, "the LUID type is not the classified type");
        _ = Encoding.UTF8.GetString(link.IfAlias).Length + Encoding.UTF8.GetString(link.Kind).Length;
        var row = default(MibIfRow2);
        if (link.Address.Length <= 32) row.SetPhysicalAddress(link.Address);
        var stats = link.Stats;
        _ = stats.Present;
        _ = stats.RxPackets + stats.TxPackets + stats.RxBytes + stats.TxBytes + stats.RxErrors + stats.TxErrors + stats.RxDropped
            + stats.TxDropped + stats.Multicast + stats.Collisions + stats.RxNoHandler;
        _ = link.Broadcast.Length + link.PermanentAddress.Length + link.SlaveKind.Length + link.ParentDeviceName.Length + link.ParentBusName.Length
            + link.Mtu + link.Link + link.LinkNetnsId + link.Master + link.OperState + link.Carrier + link.TxQueueLength + link.VxlanLink;
    }
}
