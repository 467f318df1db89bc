using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetIpInterfaceEntry(AddressFamily family, uint interfaceIndex, ref MibIpInterfaceRow row)
    {
        var status = ReadIpInterface(family, interfaceIndex, out var found, out _);
        if (status == NetIoStatus.Success) row = found;
        return status;
    }

    public BackendResult GetIpInterfaceTable(AddressFamily family, out MibTable<MibIpInterfaceRow>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        var status = IpInterfaceSources.Load(Context, lease.Socket, family, 0, out var sources);
        if (status != NetIoStatus.Success) return status;
        var collector = new IpInterfaceRowCollector(lease.Socket, sources, family);
        try
        {
            using var request = new NetlinkMessageWriter();
            LinkRequest.Dump(request, withStatistics: false);
            var error = lease.Socket.Dump(request, ref collector);
            if (error.Failed) return Failed(error, "RTM_GETLINK dump");
            if (collector.Malformed) return Malformed("RTM_GETLINK dump");
            for (var i = 0; i < collector.Ipv6.Count; i++) collector.Ipv4.Add() = collector.Ipv6[i];
            table = collector.Ipv4.ToTable();
            return BackendResult.Success;
        }
        finally
        {
            collector.Dispose();
        }
    }

    /// <summary>
    /// The <paramref name="family"/> row of one interface and the facts it was made from: FileNotFound
    /// when the interface does not exist, NotFound when it has no state for the family.
    /// </summary>
    private BackendResult ReadIpInterface(AddressFamily family, uint interfaceIndex, out MibIpInterfaceRow row, out IpInterfaceFacts facts)
    {
        row = default;
        facts = default;
        if (interfaceIndex == 0 || interfaceIndex > int.MaxValue) return NoInterface(interfaceIndex);
        using var lease = Context.Sockets.Rent();
        var status = IpInterfaceSources.Load(Context, lease.Socket, family, (int)interfaceIndex, out var sources);
        if (status != NetIoStatus.Success) return status;
        var collector = new IpInterfaceRowCollector(lease.Socket, sources, family);
        try
        {
            using var request = new NetlinkMessageWriter();
            LinkRequest.Get(request, (int)interfaceIndex, null, withStatistics: false);
            var error = lease.Socket.Execute(request, ref collector);
            if (error.Errno == Errno.ENODEV) return NoInterface(interfaceIndex);
            if (error.Failed) return Failed(error, "RTM_GETLINK");
            if (collector.Malformed) return Malformed("RTM_GETLINK");
            if (!collector.LinkSeen) return NoInterface(interfaceIndex);
            var rows = family == AddressFamily.InterNetwork ? collector.Ipv4 : collector.Ipv6;
            if (rows.Count != 1) return BackendResult.Fail(NetIoStatus.NotFound, $"interface {interfaceIndex} has no {family} state", "Family");
            row = rows[0];
            facts = collector.Facts;
            return BackendResult.Success;
        }
        finally
        {
            collector.Dispose();
        }
    }

    /// <summary>Decodes links into IPv4 and IPv6 rows; the IPv4 builder is later joined by the IPv6 rows.</summary>
    private struct IpInterfaceRowCollector(NetlinkSocket socket, IpInterfaceSources sources, AddressFamily family) : INetlinkReplyHandler, IDisposable
    {
        public MibTableBuilder<MibIpInterfaceRow> Ipv4 = new();
        public MibTableBuilder<MibIpInterfaceRow> Ipv6 = new();
        public bool Malformed;
        public bool LinkSeen;
        /// <summary>The facts of the last link decoded (the only one, for a single interface).</summary>
        public IpInterfaceFacts Facts;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!LinkMessage.TryDecode(message, out var link) || !LinkAfSpec.TryDecode(link.AfSpec, out var spec))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWLINK;
                return;
            }
            LinkSeen = true;
            Facts = sources.FactsOf(link, spec, socket);
            if (family != AddressFamily.InterNetworkV6 && IpInterfaceRowMapper.HasRow(Facts, AddressFamily.InterNetwork))
                IpInterfaceRowMapper.Fill(ref Ipv4.Add(), AddressFamily.InterNetwork, Facts);
            if (family != AddressFamily.InterNetwork && IpInterfaceRowMapper.HasRow(Facts, AddressFamily.InterNetworkV6))
                IpInterfaceRowMapper.Fill(ref Ipv6.Add(), AddressFamily.InterNetworkV6, Facts);
        }

        public void OnRestart()
        {
            Dispose();
            Ipv4 = new MibTableBuilder<MibIpInterfaceRow>();
            Ipv6 = new MibTableBuilder<MibIpInterfaceRow>();
            LinkSeen = false;
        }

        public readonly void Dispose()
        {
            Ipv4.Dispose();
            Ipv6.Dispose();
        }
    }
}
