using System.Buffers;

namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Creates many routes at once: an IpHelper extension for bulk loads, with no Windows counterpart.
    /// Each row is checked and created as <see cref="CreateIpForwardEntry2"/> would, except that the
    /// duplicate check is the kernel's (a row is refused with ObjectAlreadyExists only when an identical
    /// route, including its metric, exists), and the requests travel many per sendmsg with one
    /// acknowledgement each. <paramref name="results"/>[i] receives null when row i was created, else
    /// why it was not.
    /// </summary>
    /// <returns>
    /// Success when every row was created; otherwise the status of the first row that was not (and
    /// <see cref="LastErrorDetail"/> names it). InvalidParameter when <paramref name="results"/> is
    /// shorter than <paramref name="rows"/>.
    /// </returns>
    public static NetIoStatus CreateIpForwardEntries2(ReadOnlySpan<MibIpForwardRow2> rows, Span<NetIoErrorDetail?> results)
    {
        if (results.Length < rows.Length)
            return Fail(NetIoStatus.InvalidParameter, $"{rows.Length} rows need {rows.Length} results, not {results.Length}", "results");
        var indexes = ArrayPool<uint>.Shared.Rent(rows.Length);
        try
        {
            var resolved = new Dictionary<(ulong Luid, uint Index), uint>();
            for (var i = 0; i < rows.Length; i++)
            {
                indexes[i] = 0;
                var key = rows[i];
                var status = ValidateRouteKeyFields(key);
                if (status == NetIoStatus.Success) status = ValidateRouteSettings(key);
                if (status == NetIoStatus.Success) status = ResolveCached(resolved, key, out indexes[i]);
                results[i] = status == NetIoStatus.Success ? null : UnknownInterfaceIsNotFound(LastErrorDetail);
            }
            var batch = Record(Backend.CreateIpForwardEntries(RouteTables.Current, rows, indexes.AsSpan(0, rows.Length), results[..rows.Length]));
            if (batch != NetIoStatus.Success) return batch;
            for (var i = 0; i < rows.Length; i++)
            {
                results[i] = UnknownInterfaceIsNotFound(results[i]);
                if (results[i] is { } failure)
                    return Fail(failure with { Message = $"row {i}: {failure.Message}" });
            }
            return Ok();
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(indexes);
        }
    }

    private static NetIoStatus ResolveCached(Dictionary<(ulong Luid, uint Index), uint> resolved, in MibIpForwardRow2 row, out uint index)
    {
        var key = row.InterfaceLuid.IsUnspecified ? (0UL, row.InterfaceIndex) : (row.InterfaceLuid.Value, 0u);
        if (resolved.TryGetValue(key, out index)) return NetIoStatus.Success;
        var status = ResolveInterface(row.InterfaceLuid, row.InterfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        index = identity.Index;
        resolved[key] = index;
        return NetIoStatus.Success;
    }
}
