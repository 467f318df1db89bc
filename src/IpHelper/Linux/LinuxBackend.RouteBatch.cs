using System.Buffers;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    /// <summary>Rows encoded before the batch goes to <see cref="NetlinkSocket.ExecuteBatch"/> (which splits it further per sendmsg).</summary>
    private const int BatchRows = 16384;

    public BackendResult CreateIpForwardEntries(RouteTableSelection tables, ReadOnlySpan<MibIpForwardRow2> rows, ReadOnlySpan<uint> interfaceIndexes,
        Span<NetIoErrorDetail?> results)
    {
        using var lease = Context.Sockets.Rent();
        var socket = lease.Socket;
        var interfaces = new RouteInterfaceMap(Context.Metrics);
        using var request = new NetlinkMessageWriter(64 * 1024);
        var messageRows = ArrayPool<int>.Shared.Rent(BatchRows);
        var outcomes = ArrayPool<NetlinkError>.Shared.Rent(BatchRows);
        try
        {
            Span<byte> destination = stackalloc byte[16], gateway = stackalloc byte[16];
            for (var first = 0; first < rows.Length; first += BatchRows)
            {
                var count = Math.Min(BatchRows, rows.Length - first);
                request.Clear();
                for (var i = first; i < first + count; i++)
                {
                    ref readonly var row = ref rows[i];
                    var index = (int)interfaceIndexes[i];
                    if (index == 0) continue;
                    results[i] = null;
                    var entry = interfaces.Find(index);
                    if (entry is null)
                    {
                        if (!interfaces.TryLoad(socket, index, out var linkError) && linkError.Failed)
                            return Failed(linkError, "RTM_GETLINK");
                        entry = interfaces.Find(index);
                    }
                    if (entry is null)
                    {
                        results[i] = new NetIoErrorDetail(NetIoStatus.FileNotFound, 0, null, "InterfaceIndex", $"interface {index} disappeared");
                        continue;
                    }
                    var settings = NewRouteSettings(row, existing: null, entry, out var priority, out var protocol, out var expires);
                    if (settings != NetIoStatus.Success)
                    {
                        results[i] = settings.Error;
                        continue;
                    }
                    var length = row.DestinationPrefix.Prefix.WriteAddressBytes(destination);
                    var gatewayLength = row.NextHop.IsUnspecified ? 0 : row.NextHop.WriteAddressBytes(gateway);
                    messageRows[request.MessageCount] = i;
                    RouteRequest.New(request, NetlinkConstants.NLM_F_CREATE | NetlinkConstants.NLM_F_APPEND,
                        LinuxFamily.FromWindows(row.DestinationPrefix.Prefix.Family), destination[..length], row.DestinationPrefix.PrefixLength,
                        tables.WriteTable, protocol, index, gateway[..gatewayLength], priority, expires);
                }
                if (request.MessageCount == 0) continue;
                var error = socket.ExecuteBatch(request, outcomes.AsSpan(0, request.MessageCount));
                if (error.Failed) return Failed(error, "RTM_NEWROUTE batch");
                for (var m = 0; m < request.MessageCount; m++)
                {
                    if (!outcomes[m].Failed) continue;
                    results[messageRows[m]] = RouteWriteFailed(outcomes[m], "RTM_NEWROUTE").Error;
                }
            }
            return BackendResult.Success;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(messageRows);
            ArrayPool<NetlinkError>.Shared.Return(outcomes, clearArray: true);
        }
    }
}
