using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult GetUnicastAddressTable(AddressFamily family, out MibTable<MibUnicastIpAddressRow>? table)
    {
        table = null;
        using var lease = Context.Sockets.Rent();
        var status = DumpUnicast(lease.Socket, LinuxFamily.FromWindows(family), 0, out var rows);
        if (status != NetIoStatus.Success) return status;
        table = rows.ToTable();
        return BackendResult.Success;
    }

    public BackendResult GetUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address, out MibUnicastIpAddressRow row)
    {
        row = default;
        using var lease = Context.Sockets.Rent();
        var status = DumpUnicast(lease.Socket, LinuxFamily.FromWindows(address.Family), (int)iface.Index, out var rows);
        if (status != NetIoStatus.Success) return status;
        using (rows)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (!SameAddressBytes(rows[i].Address, address)) continue;
                row = rows[i];
                return BackendResult.Success;
            }
        }
        return NotAnAddressOf(iface, address, "unicast");
    }

    public BackendResult CreateUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        using var lease = Context.Sockets.Rent();
        var family = LinuxFamily.FromWindows(row.Address.Family);
        Span<byte> address = stackalloc byte[16];
        address = address[..row.Address.WriteAddressBytes(address)];
        // Windows has one address per value and interface; Linux keeps an IPv4 address once per prefix length.
        var status = FindUnicast(lease.Socket, family, (int)iface.Index, address, out _);
        if (status == NetIoStatus.Success)
            return BackendResult.Fail(NetIoStatus.ObjectAlreadyExists, $"{row.Address} is already an address of {iface.Alias}", "Address", Errno.EEXIST);
        if (status != NetIoStatus.NotFound) return status;

        var flags = 0u;
        if (family == LinuxFamily.AF_INET6 && row.DadState == NlDadState.IpDadStatePreferred)
            flags = OptimisticDadAllowed(iface.Alias) ? AddressConstants.IFA_F_OPTIMISTIC : AddressConstants.IFA_F_NODAD;
        var (prefix, suffix) = row.PrefixOrigin == NlPrefixOrigin.IpPrefixOriginUnchanged
            ? (NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual)
            : (row.PrefixOrigin, row.SuffixOrigin);
        var spec = new AddressSpec
        {
            Family = family,
            Index = (int)iface.Index,
            PrefixLength = row.OnLinkPrefixLength,
            Address = address,
            Flags = flags,
            // As ip(8) does: 127.0.0.0/8 is host scope, everything else universe (IPv6 derives the scope itself).
            Scope = family == LinuxFamily.AF_INET && address[0] == 127 ? AddressConstants.RT_SCOPE_HOST : AddressConstants.RT_SCOPE_UNIVERSE,
            ValidLifetime = row.ValidLifetime,
            PreferredLifetime = row.PreferredLifetime,
            Protocol = LinuxAddressOrigin.ProtocolFor(address, PermanentFlag(row.ValidLifetime), 0, prefix, suffix),
        };
        using var request = new NetlinkMessageWriter();
        AddressRequest.New(request, spec, replace: false);
        var error = lease.Socket.Execute(request);
        return error.Failed ? AddressWriteFailed(error, "RTM_NEWADDR", iface, row.Address) : BackendResult.Success;
    }

    public BackendResult SetUnicastAddress(in InterfaceIdentity iface, in MibUnicastIpAddressRow row)
    {
        using var lease = Context.Sockets.Rent();
        var family = LinuxFamily.FromWindows(row.Address.Family);
        Span<byte> address = stackalloc byte[16];
        address = address[..row.Address.WriteAddressBytes(address)];
        var status = FindUnicast(lease.Socket, family, (int)iface.Index, address, out var current);
        if (status == NetIoStatus.NotFound) return NotAnAddressOf(iface, row.Address, "unicast");
        if (status != NetIoStatus.Success) return status;

        var (prefix, suffix) = row.PrefixOrigin == NlPrefixOrigin.IpPrefixOriginUnchanged
            ? LinuxAddressOrigin.Decode(current.Local, current.Flags, current.Protocol)
            : (row.PrefixOrigin, row.SuffixOrigin);
        var newFlags = (current.Flags & ~AddressConstants.IFA_F_PERMANENT) | PermanentFlag(row.ValidLifetime);
        var prefixLength = row.OnLinkPrefixLength == NetIo.OnLinkPrefixLengthUnspecified ? current.PrefixLength : row.OnLinkPrefixLength;
        var spec = current.Spec() with
        {
            PrefixLength = prefixLength,
            ValidLifetime = row.ValidLifetime,
            PreferredLifetime = row.PreferredLifetime,
            Protocol = LinuxAddressOrigin.ProtocolFor(current.Local, newFlags, current.Protocol, prefix, suffix),
        };
        if (prefixLength != current.PrefixLength) return ReplacePrefixLength(lease.Socket, iface, row.Address, current, spec);
        using var request = new NetlinkMessageWriter();
        AddressRequest.New(request, spec, replace: true);
        var error = lease.Socket.Execute(request);
        return error.Failed ? AddressWriteFailed(error, "RTM_NEWADDR (replace)", iface, row.Address) : BackendResult.Success;
    }

    public BackendResult DeleteUnicastAddress(in InterfaceIdentity iface, in SockAddrInet address)
    {
        using var lease = Context.Sockets.Rent();
        Span<byte> bytes = stackalloc byte[16];
        bytes = bytes[..address.WriteAddressBytes(bytes)];
        var status = FindUnicast(lease.Socket, LinuxFamily.FromWindows(address.Family), (int)iface.Index, bytes, out var current);
        if (status == NetIoStatus.NotFound) return NotAnAddressOf(iface, address, "unicast");
        if (status != NetIoStatus.Success) return status;
        using var request = new NetlinkMessageWriter();
        AddressRequest.Delete(request, current.Spec());
        var error = lease.Socket.Execute(request);
        if (error.Errno == Errno.EADDRNOTAVAIL) return NotAnAddressOf(iface, address, "unicast");
        return error.Failed ? AddressWriteFailed(error, "RTM_DELADDR", iface, address) : BackendResult.Success;
    }

    /// <summary>
    /// Decodes one RTM_NEWADDR or RTM_DELADDR message (a dump reply or a notification) into a row.
    /// <paramref name="luidOf"/> gives the LUID of an interface index. A temporary IPv6 address gets
    /// PrefixOrigin RouterAdvertisement here; the tables refine it from the address it was made from.
    /// </summary>
    internal static bool TryDecodeUnicastRow(in NetlinkMessage message, Func<int, NetLuid> luidOf, out MibUnicastIpAddressRow row)
    {
        row = default;
        if (!AddressMessage.TryDecode(message, out var address) || !address.IsUnicast) return false;
        FillUnicast(ref row, address, luidOf(address.Index));
        return true;
    }

    /// <summary>Maps one kernel unicast address to MIB_UNICASTIPADDRESS_ROW; docs/mapping.md explains each field.</summary>
    private static void FillUnicast(ref MibUnicastIpAddressRow row, in AddressMessage address, NetLuid luid)
    {
        var local = address.LocalAddress;
        var scopeId = NeedsScope(local) ? (uint)address.Index : 0;
        row.Address = SockAddrInet.FromBytes(local, scopeId);
        row.InterfaceIndex = (uint)address.Index;
        row.InterfaceLuid = luid;
        (row.PrefixOrigin, row.SuffixOrigin) = LinuxAddressOrigin.Decode(local, address.Flags, address.Protocol);
        row.ValidLifetime = address.HasCacheInfo ? address.ValidLifetime : AddressConstants.InfiniteLifetime;
        row.PreferredLifetime = address.HasCacheInfo ? address.PreferredLifetime : AddressConstants.InfiniteLifetime;
        row.OnLinkPrefixLength = address.PrefixLength;
        row.SkipAsSource = false;
        row.DadState = DadStateOf(address.Flags);
        row.ScopeId = new ScopeId(scopeId);
        row.CreationTimeStamp = address.HasCacheInfo ? BootClock.ToFileTime(address.CreatedCentiseconds) : 0;
    }

    /// <summary>
    /// IFA_F_DADFAILED: Duplicate. IFA_F_TENTATIVE: Tentative, except an optimistic address (RFC 4429),
    /// which is usable while DAD runs, as Windows' DadState Preferred requests. IFA_F_DEPRECATED: Deprecated.
    /// </summary>
    internal static NlDadState DadStateOf(uint flags)
    {
        if ((flags & AddressConstants.IFA_F_DADFAILED) != 0) return NlDadState.IpDadStateDuplicate;
        if ((flags & AddressConstants.IFA_F_TENTATIVE) != 0 && (flags & AddressConstants.IFA_F_OPTIMISTIC) == 0) return NlDadState.IpDadStateTentative;
        if ((flags & AddressConstants.IFA_F_DEPRECATED) != 0) return NlDadState.IpDadStateDeprecated;
        return NlDadState.IpDadStatePreferred;
    }

    /// <summary>Dumps the unicast addresses of a family (or both) and interface (or all) into rows.</summary>
    private BackendResult DumpUnicast(NetlinkSocket socket, byte family, int index, out MibTableBuilder<MibUnicastIpAddressRow> rows)
    {
        rows = new MibTableBuilder<MibUnicastIpAddressRow>();
        var status = Context.Links.Directory(socket, out var links);
        if (status != NetIoStatus.Success) return status;
        using var request = new NetlinkMessageWriter();
        AddressRequest.Dump(request, RtnlMessageType.RTM_GETADDR, family, index);
        var collector = new UnicastCollector(rows, links, index);
        var error = socket.Dump(request, ref collector);
        if (error.Failed || collector.Malformed)
        {
            collector.Rows.Dispose();
            return error.Failed ? Failed(error, "RTM_GETADDR dump") : Malformed("RTM_GETADDR dump");
        }
        rows = collector.Rows;
        // An interface created between the two dumps is asked for once the address dump is read.
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].InterfaceLuid.IsUnspecified && LinkDirectory.LoadOne(socket, (int)rows[i].InterfaceIndex, out var link) == NetIoStatus.Success)
                rows[i].InterfaceLuid = link.Luid;
        InheritTemporaryPrefixOrigins(rows, collector.Temporaries, collector.Managers);
        return BackendResult.Success;
    }

    /// <summary>
    /// A temporary address (RFC 8981) is made by the kernel from an address flagged IFA_F_MANAGETEMPADDR
    /// with the same prefix: an autoconfigured one (prefix from a router advertisement) or one added by
    /// hand with <c>mngtmpaddr</c> (manual prefix). Its prefix has the origin of that address.
    /// </summary>
    private static void InheritTemporaryPrefixOrigins(MibTableBuilder<MibUnicastIpAddressRow> rows, List<int>? temporaries, List<int>? managers)
    {
        if (temporaries is null || managers is null) return;
        foreach (var t in temporaries)
        {
            ref var temporary = ref rows[t];
            foreach (var m in managers)
            {
                ref readonly var manager = ref rows[m];
                if (manager.InterfaceIndex == temporary.InterfaceIndex
                    && SameAddressPrefix(manager.Address, temporary.Address, manager.OnLinkPrefixLength))
                {
                    temporary.PrefixOrigin = manager.PrefixOrigin;
                    break;
                }
            }
        }
    }

    /// <summary>Finds one unicast address of an interface with a filtered dump; NotFound when it has none.</summary>
    private static BackendResult FindUnicast(NetlinkSocket socket, byte family, int index, ReadOnlySpan<byte> address, out AddressSnapshot found)
    {
        using var request = new NetlinkMessageWriter();
        AddressRequest.Dump(request, RtnlMessageType.RTM_GETADDR, family, index);
        var finder = new UnicastFinder(index, address);
        var error = socket.Dump(request, ref finder);
        found = finder.Found;
        // The writes that search first document NotFound for an interface that disappeared since it was resolved.
        if (error.Errno == Errno.ENODEV) return BackendResult.Fail(NetIoStatus.NotFound, $"interface {index} disappeared", "InterfaceIndex", Errno.ENODEV);
        if (error.Failed) return Failed(error, "RTM_GETADDR dump");
        if (finder.Malformed) return Malformed("RTM_GETADDR dump");
        return finder.HasFound ? BackendResult.Success : BackendResult.Fail(NetIoStatus.NotFound, $"interface {index} has no such address", "Address");
    }

    /// <summary>
    /// A new prefix length: the kernel cannot change it in place (an IPv4 address with another length
    /// is another address; IPv6 keeps the length on a replace), so the old address is deleted and the
    /// new one added with the same flags, protocol, label and route metric; if the add fails the old
    /// one is put back. Like <c>ip address del</c>, deleting a primary IPv4 address also deletes its
    /// secondaries unless the interface has promote_secondaries set, and a re-added IPv6 address runs
    /// DAD again unless it has nodad.
    /// </summary>
    private static BackendResult ReplacePrefixLength(NetlinkSocket socket, in InterfaceIdentity iface, in SockAddrInet address, in AddressSnapshot current, in AddressSpec wanted)
    {
        using var request = new NetlinkMessageWriter();
        AddressRequest.Delete(request, current.Spec());
        var error = socket.Execute(request);
        if (error.Failed) return AddressWriteFailed(error, "RTM_DELADDR", iface, address);
        request.Clear();
        AddressRequest.New(request, wanted, replace: false);
        error = socket.Execute(request);
        if (!error.Failed) return BackendResult.Success;
        request.Clear();
        AddressRequest.New(request, current.Spec(), replace: false);
        socket.Execute(request);
        return AddressWriteFailed(error, "RTM_NEWADDR", iface, address);
    }

    /// <summary>Whether the kernel will honour IFA_F_OPTIMISTIC on this interface (ipv6 conf all or the interface has optimistic_dad).</summary>
    private bool OptimisticDadAllowed(string interfaceName) =>
        Sysctl.ReadInt64(Context, "ipv6/conf/all/optimistic_dad") > 0 || Sysctl.ReadInt64(Context, $"ipv6/conf/{interfaceName}/optimistic_dad") > 0;

    private static uint PermanentFlag(uint validLifetime) =>
        validLifetime == AddressConstants.InfiniteLifetime ? AddressConstants.IFA_F_PERMANENT : 0;

    /// <summary>The kernel's answer to an address write, as the status Windows documents for it.</summary>
    private static BackendResult AddressWriteFailed(NetlinkError error, string what, in InterfaceIdentity iface, in SockAddrInet address)
    {
        var (status, reason) = error.Errno switch
        {
            Errno.EEXIST => (NetIoStatus.ObjectAlreadyExists, $"{address} is already an address of {iface.Alias}"),
            Errno.ENODEV => (NetIoStatus.NotFound, $"interface {iface.Alias} disappeared"),
            Errno.EINVAL or Errno.ERANGE or Errno.EADDRNOTAVAIL => (NetIoStatus.InvalidParameter, $"the kernel refused {address} on {iface.Alias}"),
            // EPERM is a missing capability; EACCES is what IPv6 answers on an interface with disable_ipv6 set.
            Errno.EACCES when address.Family == AddressFamily.InterNetworkV6 => (NetIoStatus.NotSupported, $"IPv6 is disabled on {iface.Alias}"),
            _ => (error.Status, $"{what} failed"),
        };
        return BackendResult.Fail(status, reason, "Address", error.Errno, error.Message);
    }

    private static BackendResult NotAnAddressOf(in InterfaceIdentity iface, in SockAddrInet address, string kind) =>
        BackendResult.Fail(NetIoStatus.NotFound, $"{address} is not a {kind} address of {iface.Alias}", "Address");

    private static bool SameAddressBytes(in SockAddrInet a, in SockAddrInet b)
    {
        Span<byte> x = stackalloc byte[16], y = stackalloc byte[16];
        var n = a.WriteAddressBytes(x);
        return a.Family == b.Family && x[..n].SequenceEqual(y[..b.WriteAddressBytes(y)]);
    }

    private static bool SameAddressPrefix(in SockAddrInet a, in SockAddrInet b, int length)
    {
        Span<byte> x = stackalloc byte[16], y = stackalloc byte[16];
        var n = a.WriteAddressBytes(x);
        if (a.Family != b.Family || length > n * 8) return false;
        b.WriteAddressBytes(y);
        var whole = length / 8;
        if (!x[..whole].SequenceEqual(y[..whole])) return false;
        var mask = (byte)(0xFF << (8 - length % 8));
        return length % 8 == 0 || (x[whole] & mask) == (y[whole] & mask);
    }

    private struct UnicastCollector(MibTableBuilder<MibUnicastIpAddressRow> rows, LinkDirectory links, int index) : INetlinkReplyHandler
    {
        public MibTableBuilder<MibUnicastIpAddressRow> Rows = rows;
        public List<int>? Temporaries;
        public List<int>? Managers;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!AddressMessage.TryDecode(message, out var address))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWADDR;
                return;
            }
            if (index != 0 && address.Index != index) return;
            var at = Rows.Count;
            FillUnicast(ref Rows.Add(), address, links.LuidOf(address.Index));
            if (address.Family != LinuxFamily.AF_INET6) return;
            if ((address.Flags & AddressConstants.IFA_F_TEMPORARY) != 0) (Temporaries ??= []).Add(at);
            else if ((address.Flags & AddressConstants.IFA_F_MANAGETEMPADDR) != 0) (Managers ??= []).Add(at);
        }

        public void OnRestart()
        {
            Rows.Dispose();
            Temporaries?.Clear();
            Managers?.Clear();
        }
    }

    private struct UnicastFinder : INetlinkReplyHandler
    {
        private readonly int _index;
        private readonly Ipv6AddressBytes _wanted;
        private readonly int _wantedLength;
        public AddressSnapshot Found;
        public bool HasFound;
        public bool Malformed;

        public void OnMessage(in NetlinkMessage message)
        {
            if (!AddressMessage.TryDecode(message, out var address))
            {
                Malformed |= message.Type == RtnlMessageType.RTM_NEWADDR;
                return;
            }
            if (HasFound || address.Index != _index || !address.LocalAddress.SequenceEqual(((ReadOnlySpan<byte>)_wanted)[.._wantedLength])) return;
            Found = AddressSnapshot.From(address);
            HasFound = true;
        }

        public UnicastFinder(int index, ReadOnlySpan<byte> wanted)
        {
            _index = index;
            wanted.CopyTo(_wanted);
            _wantedLength = wanted.Length;
        }

        public void OnRestart() => HasFound = false;
    }
}
