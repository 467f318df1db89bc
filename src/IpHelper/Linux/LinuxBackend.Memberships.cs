using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

/// <summary>Where the multicast and anycast membership lists are read from.</summary>
internal enum MembershipSource
{
    /// <summary>rtnetlink (RTM_GETMULTICAST, RTM_GETANYCAST), and /proc/net when the kernel has no such dump (EOPNOTSUPP).</summary>
    Auto,

    /// <summary>rtnetlink only.</summary>
    Netlink,

    /// <summary>/proc/net/igmp, igmp6 and anycast6 only.</summary>
    Proc,
}

internal sealed partial class LinuxBackend
{
    private static readonly AsyncLocal<MembershipSource> s_membershipSource = new();

    /// <summary>
    /// The membership source of the calling flow: Auto unless a test forces one path. Kernels before
    /// 6.12 have no IPv4 RTM_GETMULTICAST dump, and very old ones no IPv6 anycast dump; Auto covers them.
    /// </summary>
    internal static MembershipSource MembershipSourceOverride
    {
        get => s_membershipSource.Value;
        set => s_membershipSource.Value = value;
    }

    /// <summary>
    /// Appends one membership list of one family (of one interface when <paramref name="index"/> is not
    /// 0) to <paramref name="memberships"/>: from the rtnetlink dump <paramref name="dumpType"/> or the
    /// /proc file, as <see cref="MembershipSourceOverride"/> says.
    /// </summary>
    private BackendResult ReadMemberships(NetlinkSocket socket, ushort dumpType, byte family, int index, string procFile,
        List<Membership> memberships)
    {
        var start = memberships.Count;
        var source = MembershipSourceOverride;
        if (source != MembershipSource.Proc)
        {
            using var request = new NetlinkMessageWriter();
            AddressRequest.Dump(request, dumpType, family, index);
            var collector = new MembershipCollector(memberships, start, index);
            var error = socket.Dump(request, ref collector);
            if (!error.Failed && !collector.Malformed) return BackendResult.Success;
            memberships.RemoveRange(start, memberships.Count - start);
            if (collector.Malformed) return Malformed($"{DumpName(dumpType)} dump");
            if (error.Errno != Errno.EOPNOTSUPP || source == MembershipSource.Netlink) return Failed(error, $"{DumpName(dumpType)} dump");
        }
        var text = ProcNetMemberships.Read(Context, procFile);
        if (text is null) return BackendResult.Success;
        if (procFile == "igmp") ProcNetMemberships.ParseIgmp(text, memberships);
        else ProcNetMemberships.ParseIpv6(text, memberships);
        for (var i = memberships.Count - 1; i >= start && index != 0; i--)
            if (memberships[i].Index != index) memberships.RemoveAt(i);
        return BackendResult.Success;
    }

    /// <summary>Fills one anycast or multicast row from a membership and its interface's LUID.</summary>
    private delegate void MembershipRowFiller<TRow>(ref TRow row, in Membership membership, NetLuid luid);

    /// <summary>The rows of a membership list, with the LUID of each interface from one link dump.</summary>
    private BackendResult MembershipTable<TRow>(NetlinkSocket socket, List<Membership> memberships, MembershipRowFiller<TRow> fill, out MibTable<TRow>? table)
        where TRow : struct
    {
        table = null;
        var status = Context.Links.Directory(socket, out var links);
        if (status != NetIoStatus.Success) return status;
        using var rows = new MibTableBuilder<TRow>(Math.Max(memberships.Count, 1));
        foreach (var membership in memberships) fill(ref rows.Add(), membership, links.LuidOf(membership.Index));
        table = rows.ToTable();
        return BackendResult.Success;
    }

    private static string DumpName(ushort type) => type == RtnlMessageType.RTM_GETANYCAST ? "RTM_GETANYCAST" : "RTM_GETMULTICAST";

    private struct MembershipCollector(List<Membership> memberships, int start, int index) : INetlinkReplyHandler
    {
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!AddressMessage.TryDecode(message, out var membership))
            {
                Malformed |= message.Type is RtnlMessageType.RTM_GETMULTICAST or RtnlMessageType.RTM_GETANYCAST;
                return;
            }
            if (membership.IsUnicast || (index != 0 && membership.Index != index)) return;
            var entry = new Membership { Index = membership.Index, Length = (byte)membership.Group.Length };
            membership.Group.CopyTo(entry.Bytes);
            memberships.Add(entry);
        }

        public readonly void OnRestart() => memberships.RemoveRange(start, memberships.Count - start);
    }
}
