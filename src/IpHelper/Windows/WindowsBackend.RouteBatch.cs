namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>
    /// Windows has no batch call: one CreateIpForwardEntry2 per row, each outcome recorded in
    /// <paramref name="results"/> (the caller's last error detail is left to NetIo).
    /// </summary>
    public unsafe BackendResult CreateIpForwardEntries(RouteTableSelection tables, ReadOnlySpan<MibIpForwardRow2> rows, ReadOnlySpan<uint> interfaceIndexes,
        Span<NetIoErrorDetail?> results)
    {
        if (!IsOneTable(tables, out var status) || !IsAvailable(nameof(IpHlpApi.CreateIpForwardEntry2), out status)) return status;
        for (var i = 0; i < rows.Length; i++)
        {
            if (interfaceIndexes[i] == 0) continue;
            var wanted = ByIndex(rows[i]);
            wanted.InterfaceIndex = interfaceIndexes[i];
            var error = IpHlpApi.CreateIpForwardEntry2(&wanted);
            results[i] = error == 0
                ? null
                : new NetIoErrorDetail((NetIoStatus)error, 0, null, null, $"{nameof(IpHlpApi.CreateIpForwardEntry2)} returned {Describe(error)} for {wanted.DestinationPrefix}");
        }
        return BackendResult.Success;
    }
}
