namespace IpHelper.Windows;

internal sealed partial class WindowsBackend
{
    /// <summary>
    /// CreateSortedAddressPairs with no source list (the parameter is reserved): the native pairs point
    /// into the list's own allocation, so both addresses are copied into the inline pairs before
    /// FreeMibTable releases it.
    /// </summary>
    public unsafe BackendResult CreateSortedAddressPairs(ReadOnlySpan<SockAddrInet> destinations, out MibTable<SockAddrIn6Pair>? pairs)
    {
        pairs = null;
        if (!IsAvailable(nameof(IpHlpApi.CreateSortedAddressPairs), out var missing)) return missing;
        uint error;
        SafeFreeMibTable native;
        uint count;
        fixed (SockAddrInet* list = destinations)
            error = IpHlpApi.CreateSortedAddressPairs(null, 0, list, (uint)destinations.Length, 0, out native, out count);
        using (native)
        {
            if (error != 0) return Check(error, nameof(IpHlpApi.CreateSortedAddressPairs));
            var found = new ReadOnlySpan<SockAddrIn6PairNative>((void*)native.DangerousGetHandle(), checked((int)count));
            using var builder = new MibTableBuilder<SockAddrIn6Pair>(Math.Max(1, found.Length));
            foreach (var pair in found)
            {
                ref var row = ref builder.Add();
                row.SourceAddress = pair.SourceAddress is null ? default : *pair.SourceAddress;
                row.DestinationAddress = pair.DestinationAddress is null ? default : *pair.DestinationAddress;
            }
            pairs = builder.ToTable();
            return BackendResult.Success;
        }
    }
}
