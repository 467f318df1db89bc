using System.Text;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult LookupInterface(uint interfaceIndex, out InterfaceIdentity identity)
    {
        identity = default;
        if (interfaceIndex == 0 || interfaceIndex > int.MaxValue) return NoInterface(interfaceIndex);
        return GetLink((int)interfaceIndex, null, out identity);
    }

    /// <summary>A Linux LUID is made of the ifindex and the ifType (docs/mapping.md): the index finds the link, the type must agree.</summary>
    public BackendResult LookupInterface(in NetLuid luid, out InterfaceIdentity identity)
    {
        var status = LookupInterface(luid.NetLuidIndex, out identity);
        if (status == NetIoStatus.Success && identity.Luid == luid) return status;
        identity = default;
        return status is { Status: NetIoStatus.Success or NetIoStatus.FileNotFound }
            ? BackendResult.Fail(NetIoStatus.FileNotFound, $"no interface has LUID {luid.Value}", "InterfaceLuid")
            : status;
    }

    public BackendResult LookupInterface(string alias, out InterfaceIdentity identity)
    {
        identity = default;
        if (alias.Length == 0 || Encoding.UTF8.GetByteCount(alias) > 127 || alias.Contains('\0')) return NoInterface(alias);
        return GetLink(0, alias, out identity);
    }

    public BackendResult LookupInterface(Guid interfaceGuid, out InterfaceIdentity identity)
    {
        identity = default;
        using var lease = Context.Sockets.Rent();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics: false);
        var finder = new GuidFinder(interfaceGuid);
        var error = lease.Socket.Dump(request, ref finder);
        if (error.Failed) return Failed(error, "RTM_GETLINK dump");
        if (finder.Malformed) return Malformed("RTM_GETLINK dump");
        identity = finder.Found;
        return finder.Found.Index == 0
            ? BackendResult.Fail(NetIoStatus.FileNotFound, $"no interface has GUID {interfaceGuid:B}", "InterfaceGuid")
            : BackendResult.Success;
    }

    public BackendResult GetIfEntry(uint interfaceIndex, bool withStatistics, ref MibIfRow2 row)
    {
        if (interfaceIndex == 0 || interfaceIndex > int.MaxValue) return NoInterface(interfaceIndex);
        using var lease = Context.Sockets.Rent();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Get(request, (int)interfaceIndex, null, withStatistics);
        var collector = new IfRowCollector(lease.Socket, withStatistics);
        try
        {
            var error = lease.Socket.Execute(request, ref collector);
            if (error.Errno == Errno.ENODEV) return NoInterface(interfaceIndex);
            if (error.Failed) return Failed(error, "RTM_GETLINK");
            if (collector.Malformed) return Malformed("RTM_GETLINK");
            if (collector.Rows.Count != 1) return NoInterface(interfaceIndex);
            row = collector.Rows[0];
            return BackendResult.Success;
        }
        finally
        {
            collector.Rows.Dispose();
        }
    }

    public BackendResult GetIfTable(bool withStatistics, out MibTable<MibIfRow2>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics);
        // One ethtool-netlink dump gives every device's speed; without that family, one ioctl per device.
        var collector = new IfRowCollector(lease.Socket, withStatistics, Genl.EthtoolLinkSpeeds.TryDump(Context, out var speeds) ? speeds : null, DumpCapacity);
        try
        {
            var error = lease.Socket.Dump(request, ref collector);
            if (error.Failed) return Failed(error, "RTM_GETLINK dump");
            if (collector.Malformed) return Malformed("RTM_GETLINK dump");
            table = collector.Rows.ToTable();
            return BackendResult.Success;
        }
        finally
        {
            collector.Rows.Dispose();
        }
    }

    public BackendResult GetIfStackTable(out MibTable<MibIfStackRow>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Dump(request, withStatistics: false);
        var collector = new StackCollector();
        var error = lease.Socket.Dump(request, ref collector);
        if (error.Failed) return Failed(error, "RTM_GETLINK dump");
        if (collector.Malformed) return Malformed("RTM_GETLINK dump");
        table = collector.ToTable();
        return BackendResult.Success;
    }

    private BackendResult GetLink(int index, string? name, out InterfaceIdentity identity)
    {
        identity = default;
        using var lease = Context.Sockets.Rent();
        using var request = new NetlinkMessageWriter();
        LinkRequest.Get(request, index, name, withStatistics: false);
        var reader = new IdentityReader();
        var error = lease.Socket.Execute(request, ref reader);
        var missing = name is null ? NoInterface((uint)index) : NoInterface(name);
        if (error.Errno == Errno.ENODEV) return missing;
        if (error.Failed) return Failed(error, "RTM_GETLINK");
        if (reader.Malformed) return Malformed("RTM_GETLINK");
        identity = reader.Identity;
        return identity.Index == 0 ? missing : BackendResult.Success;
    }

    /// <summary>The identity Windows would give this link: LUID from ifindex and ifType, GUID from the name.</summary>
    internal static InterfaceIdentity IdentityOf(in LinkMessage link)
    {
        var type = LinuxInterfaceType.Classify(link);
        return new InterfaceIdentity((uint)link.Index, LuidOf(link.Index, type.Type), Encoding.UTF8.GetString(link.Name),
            LinuxInterfaceGuid.FromName(link.Name));
    }

    /// <summary>The LUID of a link (what <see cref="IdentityOf"/> gives, without its GUID and alias).</summary>
    internal static NetLuid LuidOf(in LinkMessage link) => LuidOf(link.Index, LinuxInterfaceType.Classify(link).Type);

    /// <summary>NET_LUID has 24 bits for the index; an ifindex past that has no LUID (zero).</summary>
    internal static NetLuid LuidOf(int index, IfType type) =>
        (uint)index <= NetLuid.MaxNetLuidIndex ? new NetLuid((uint)index, (ushort)type) : default;

    /// <summary>Maps one kernel link to MIB_IF_ROW2; every choice is explained in docs/mapping.md.</summary>
    internal static void Fill(ref MibIfRow2 row, in LinkMessage link, NetlinkSocket socket, bool withStatistics,
        IReadOnlyDictionary<int, ulong>? speeds = null)
    {
        var type = LinuxInterfaceType.Classify(link);
        var flags = link.Flags;
        row.InterfaceIndex = (uint)link.Index;
        row.InterfaceLuid = LuidOf(link.Index, type.Type);
        row.Alias = Encoding.UTF8.GetString(link.Name);
        row.InterfaceGuid = LinuxInterfaceGuid.FromName(link.Name);
        row.Description = Description(link, socket);
        if (link.Address.Length <= 32)
        {
            row.SetPhysicalAddress(link.Address);
            if (link.PermanentAddress.Length == link.Address.Length)
                link.PermanentAddress.CopyTo(row.PermanentPhysicalAddress);
        }
        row.Mtu = link.Mtu;
        row.Type = type.Type;
        row.TunnelType = type.TunnelType;
        row.MediaType = type.MediaType;
        row.PhysicalMediumType = type.PhysicalMediumType;
        row.AccessType = type.AccessType;
        row.DirectionType = NetIfDirectionType.NetIfDirectionSendReceive;
        var status = InterfaceAndOperStatusFlags.None;
        if (!link.ParentDeviceName.IsEmpty) status |= InterfaceAndOperStatusFlags.HardwareInterface | InterfaceAndOperStatusFlags.ConnectorPresent;
        if (link.OperState == LinkConstants.IF_OPER_DORMANT) status |= InterfaceAndOperStatusFlags.NotAuthenticated;
        // IFF_LOWER_UP is the kernel's "running and carrier on"; IFLA_CARRIER alone stays on for a device
        // that is down (lo, ifb), where Windows reports a disabled adapter as disconnected.
        var connected = (flags & LinkConstants.IFF_LOWER_UP) != 0;
        if (!connected) status |= InterfaceAndOperStatusFlags.NotMediaConnected;
        row.InterfaceAndOperStatusFlags = status;
        row.OperStatus = OperStatus(link);
        row.AdminStatus = (flags & LinkConstants.IFF_UP) != 0 ? NetIfAdminStatus.NetIfAdminStatusUp : NetIfAdminStatus.NetIfAdminStatusDown;
        row.MediaConnectState = connected ? NetIfMediaConnectState.MediaConnectStateConnected : NetIfMediaConnectState.MediaConnectStateDisconnected;
        row.ConnectionType = NetIfConnectionType.NetIfConnectionDedicated;
        var speed = (speeds is null ? Ethtool.GetSpeed(socket, link.Name) : speeds.TryGetValue(link.Index, out var known) ? known : null)
            ?? ulong.MaxValue;
        row.TransmitLinkSpeed = speed;
        row.ReceiveLinkSpeed = speed;
        if (withStatistics && link.Stats.Present)
        {
            var stats = link.Stats;
            row.InOctets = stats.RxBytes;
            row.InUcastPkts = stats.RxPackets - Math.Min(stats.Multicast, stats.RxPackets);
            row.InNUcastPkts = stats.Multicast;
            row.InDiscards = stats.RxDropped;
            row.InErrors = stats.RxErrors;
            row.InUnknownProtos = stats.RxNoHandler;
            row.OutOctets = stats.TxBytes;
            row.OutUcastPkts = stats.TxPackets;
            row.OutDiscards = stats.TxDropped;
            row.OutErrors = stats.TxErrors;
        }
    }

    /// <summary>
    /// RFC 2863 operational state. IF_OPER_UNKNOWN is what drivers without operstate support report
    /// (loopback, tun): the kernel's own view is then IFF_UP plus IFF_LOWER_UP.
    /// </summary>
    private static IfOperStatus OperStatus(in LinkMessage link) => link.OperState switch
    {
        LinkConstants.IF_OPER_UP => IfOperStatus.IfOperStatusUp,
        LinkConstants.IF_OPER_DOWN => IfOperStatus.IfOperStatusDown,
        LinkConstants.IF_OPER_LOWERLAYERDOWN => IfOperStatus.IfOperStatusLowerLayerDown,
        LinkConstants.IF_OPER_TESTING => IfOperStatus.IfOperStatusTesting,
        LinkConstants.IF_OPER_DORMANT => IfOperStatus.IfOperStatusDormant,
        LinkConstants.IF_OPER_NOTPRESENT => IfOperStatus.IfOperStatusNotPresent,
        _ when (link.Flags & LinkConstants.IFF_UP) == 0 => IfOperStatus.IfOperStatusDown,
        _ when (link.Flags & LinkConstants.IFF_LOWER_UP) != 0 => IfOperStatus.IfOperStatusUp,
        _ => IfOperStatus.IfOperStatusUnknown,
    };

    /// <summary>IFLA_IFALIAS when set, else the link kind, else the driver name (ethtool), else the name.</summary>
    private static string Description(in LinkMessage link, NetlinkSocket socket)
    {
        if (!link.IfAlias.IsEmpty) return Encoding.UTF8.GetString(link.IfAlias);
        if (!link.Kind.IsEmpty) return Encoding.UTF8.GetString(link.Kind);
        return Ethtool.GetDriver(socket, link.Name) ?? Encoding.UTF8.GetString(link.Name);
    }

    /// <summary>
    /// Room a link dump's rows start with (5.5 MB of address space, rented from the pool): pages of the array that
    /// no row reaches are never touched (the pool does not zero its arrays), so a short table costs no more
    /// memory, while a table of thousands is not copied at each doubling onto fresh pages (2,000 interfaces
    /// faulted in 5.5 MB instead of 2.7 MB, about 700 page faults more). A table that is never disposed leaves
    /// the array to the garbage collector as a large object, where 16 rows were a small one.
    /// </summary>
    private const int DumpCapacity = 4096;

    private struct IfRowCollector(NetlinkSocket socket, bool withStatistics, IReadOnlyDictionary<int, ulong>? speeds = null, int capacity = 1) : INetlinkReplyHandler
    {
        public MibTableBuilder<MibIfRow2> Rows = new(capacity);
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!LinkMessage.TryDecode(message, out var link))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
                return;
            }
            Fill(ref Rows.Add(), link, socket, withStatistics, speeds);
        }

        public readonly void OnRestart() => Rows.Clear();
    }

    private struct IdentityReader : INetlinkReplyHandler
    {
        public InterfaceIdentity Identity;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (LinkMessage.TryDecode(message, out var link)) Identity = IdentityOf(link);
            else Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
        }

        public readonly void OnRestart() { }
    }

    private struct GuidFinder(Guid wanted) : INetlinkReplyHandler
    {
        public InterfaceIdentity Found;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!LinkMessage.TryDecode(message, out var link))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
                return;
            }
            if (Found.Index == 0 && LinuxInterfaceGuid.FromName(link.Name) == wanted) Found = IdentityOf(link);
        }

        public void OnRestart() => Found = default;
    }
}
