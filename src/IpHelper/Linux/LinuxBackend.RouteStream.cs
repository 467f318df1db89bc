using System.Net.Sockets;
using IpHelper.Linux.Namespaces;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult EnumerateIpForwardTable(AddressFamily family, RouteTableSelection tables, out IMibRowSource<MibIpForwardRow2>? rows)
    {
        rows = null;
        var stream = new RouteDumpStream(Context, tables, FamiliesOf(family));
        var result = stream.Open();
        if (result != NetIoStatus.Success)
        {
            stream.Dispose();
            return result;
        }
        rows = stream;
        return BackendResult.Success;
    }

    /// <summary>
    /// The RTM_GETROUTE dumps of GetIpForwardTable (each family, each selected table), read one datagram per
    /// <see cref="Next"/> and decoded by <see cref="RouteRowMapper"/> into one reused batch of rows. The
    /// interfaces come from one link dump taken at <see cref="Open"/>. A dump that changes under the read is
    /// repeated while none of its rows was handed out, and reported through <see cref="Interrupted"/> after.
    /// </summary>
    private sealed class RouteDumpStream(NamespaceContext context, RouteTableSelection tables, byte[] families) : IMibRowSource<MibIpForwardRow2>
    {
        private readonly (byte Family, uint Table)[] _dumps = [.. families.SelectMany(f => tables.DumpTables.Select(t => (f, t)))];
        private readonly NetlinkMessageWriter _request = new();
        private readonly MibTableBuilder<MibIpForwardRow2> _rows = new(512);
        private RtnlSockets.Lease _lease;
        private NetlinkSocket? _socket;
        private Ipv6RouteWatch? _watch;
        private RouteInterfaceMap? _interfaces;
        private int _dump;
        private bool _reading;
        private bool _handedOut;
        private int _attempts;
        private uint _sequence;

        public bool Interrupted { get; private set; }

        /// <summary>Takes a socket, the IPv6 route watch (when IPv6 is read), the interface snapshot, and sends the first dump request.</summary>
        public BackendResult Open()
        {
            _lease = context.Sockets.Rent();
            _socket = _lease.Socket;
            if (families.Contains(RouteConstants.AF_INET6))
            {
                var watched = WatchIpv6Routes();
                if (watched != NetIoStatus.Success) return watched;
            }
            var status = LoadInterfaces();
            return status != NetIoStatus.Success || _dumps.Length == 0 ? status : StartDump();
        }

        public BackendResult Next(out MibIpForwardRow2[] rows, out int count)
        {
            rows = [];
            count = 0;
            while (_socket is not null && _dump < _dumps.Length)
            {
                if (!_reading)
                {
                    var started = StartDump();
                    if (started != NetIoStatus.Success) return End(started);
                }
                var (family, table) = _dumps[_dump];
                _rows.Clear();
                var decoder = new RowDecoder(tables, _interfaces!, _rows);
                var interrupted = false;
                var error = _socket.ReadDump(_sequence, ref decoder, ref interrupted, out var done);
                if (done) _reading = false;
                if (error.Failed)
                {
                    if (!done || !IsMissingTable(error, table)) return End(Failed(error, "RTM_GETROUTE dump"));
                    _dump++;
                    continue;
                }
                if (decoder.Malformed) return End(Malformed("RTM_GETROUTE dump"));
                // Both watches are drained: the additions socket hears removals too.
                var removed = family == RouteConstants.AF_INET6 && _watch!.Removals.Drain();
                var changed = family == RouteConstants.AF_INET6 && _watch!.Additions.Drain();
                var newInterface = decoder.Unresolved > 0 && HasNewInterface();
                if (interrupted || removed || newInterface)
                {
                    if (!_handedOut)
                    {
                        var restarted = Restart(newInterface);
                        if (restarted != NetIoStatus.Success) return End(restarted);
                        continue;
                    }
                    Interrupted = true;
                    if (newInterface) DropNewInterfaceRows();
                }
                else if (changed)
                {
                    // Routes only added: the resumed walk may send a route twice, never skip one. Repeated while
                    // allowed, as above; past the limit, or once rows are out, reported instead of failing, so a
                    // flood of additions cannot make the read fail (GetIpForwardTable2 drops such duplicates).
                    if (!_handedOut && _attempts + 1 < NetlinkSocket.MaxDumpAttempts)
                    {
                        var restarted = Restart(reloadInterfaces: false);
                        if (restarted != NetIoStatus.Success) return End(restarted);
                        continue;
                    }
                    Interrupted = true;
                }
                if (done)
                {
                    _dump++;
                    _attempts = 0;
                }
                if (_rows.Count == 0) continue;
                _handedOut = true;
                rows = _rows.RentedArray!;
                count = _rows.Count;
                return BackendResult.Success;
            }
            return End(BackendResult.Success);
        }

        public void Dispose()
        {
            _watch?.Dispose();
            _watch = null;
            if (_socket is not null)
            {
                // A dump abandoned halfway still holds the socket in the kernel: close it rather than pool it.
                if (_reading) _lease.Discard();
                else _lease.Dispose();
                _socket = null;
            }
            _rows.Dispose();
            _request.Dispose();
        }

        private BackendResult End(BackendResult status)
        {
            Dispose();
            return status;
        }

        /// <summary>Watches RTNLGRP_IPV6_ROUTE as GetIpForwardTable2 does (<see cref="Ipv6RouteWatch"/>).</summary>
        private BackendResult WatchIpv6Routes()
        {
            var error = Ipv6RouteWatch.Open(context, out _watch);
            return error.Failed ? Failed(error, "RTNLGRP_IPV6_ROUTE watch") : BackendResult.Success;
        }

        private BackendResult LoadInterfaces()
        {
            var error = RouteInterfaceMap.LoadAll(_socket!, context.Metrics, out var interfaces);
            if (error.Failed) return Failed(error, "RTM_GETLINK dump");
            _interfaces = interfaces;
            return BackendResult.Success;
        }

        private BackendResult StartDump()
        {
            var (family, table) = _dumps[_dump];
            _request.Clear();
            RouteRequest.Dump(_request, family, table, 0);
            // Changes before the request are not this dump's.
            if (family == RouteConstants.AF_INET6)
            {
                _watch!.Removals.Drain();
                _watch.Additions.Drain();
            }
            var error = _socket!.StartDump(_request, out _sequence);
            if (error.Failed) return Failed(error, "RTM_GETROUTE dump");
            _reading = true;
            _handedOut = false;
            return BackendResult.Success;
        }

        /// <summary>Reads the interrupted dump to its end (the kernel serves no new dump before), takes a new interface snapshot when one was missing, and counts the attempt.</summary>
        private BackendResult Restart(bool reloadInterfaces)
        {
            var skip = default(Skip);
            var ignored = false;
            while (_reading)
            {
                var error = _socket!.ReadDump(_sequence, ref skip, ref ignored, out var done);
                if (done) _reading = false;
                if (error.Failed) return Failed(error, "RTM_GETROUTE dump");
            }
            if (++_attempts == NetlinkSocket.MaxDumpAttempts)
                return Failed(new NetlinkError(Errno.EINTR, $"the kernel table changed during each of {NetlinkSocket.MaxDumpAttempts} dump attempts"), "RTM_GETROUTE dump");
            return reloadInterfaces ? LoadInterfaces() : BackendResult.Success;
        }

        /// <summary>True when a row of the batch names an interface the snapshot does not know (one created after it).</summary>
        private bool HasNewInterface()
        {
            var rows = _rows.RentedArray!;
            for (var i = 0; i < _rows.Count; i++)
                if (IsOnNewInterface(rows[i])) return true;
            return false;
        }

        private void DropNewInterfaceRows()
        {
            var rows = _rows.RentedArray!;
            var kept = 0;
            for (var i = 0; i < _rows.Count; i++)
                if (!IsOnNewInterface(rows[i])) rows[kept++] = rows[i];
            while (_rows.Count > kept) _rows.RemoveLast();
        }

        // A row without an interface index (no loopback device to put a reject route on) stays as GetIpForwardTable2 lists it.
        private static bool IsOnNewInterface(in MibIpForwardRow2 row) => row.InterfaceLuid.IsUnspecified && row.InterfaceIndex != 0;

        private struct RowDecoder(RouteTableSelection tables, RouteInterfaceMap interfaces, MibTableBuilder<MibIpForwardRow2> rows) : INetlinkReplyHandler
        {
            public bool Malformed;
            public int Unresolved;

            public void OnMessage(in NetlinkMessage message)
            {
                if (!RouteRowMapper.AppendRows(message, tables, interfaces, rows, ref Unresolved)) Malformed = true;
            }

            public readonly void OnRestart()
            {
            }
        }

        private struct Skip : INetlinkReplyHandler
        {
            public readonly void OnMessage(in NetlinkMessage message)
            {
            }

            public readonly void OnRestart()
            {
            }
        }
    }
}
