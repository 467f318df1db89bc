namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Streams changes of the interface table (MIB_IF_ROW2 rows without counters) until
    /// <paramref name="cancellationToken"/> is cancelled: RTM_NEWLINK / RTM_DELLINK told apart into
    /// add, parameter change and delete. Windows has no Notify function for this table; it is the
    /// stream behind <c>iphelper monitor interfaces</c>.
    /// <para>
    /// Every Watch* stream is bounded: it holds at most 4,096 changes the consumer has not read. A
    /// consumer further behind stalls the registration, which drops what its queue cannot hold, and the
    /// stream then yields a resync marker (<see cref="MibChange{TRow}.IsResync"/>) followed by the
    /// differences from the re-read table. Memory stays bounded (the buffer, the registration's queue of
    /// at most 4 MiB, and its view of the table); no change is lost without a resync.
    /// </para>
    /// </summary>
    /// <exception cref="NetIoException">The registration failed, or its namespace was deleted (BadNetName, after the deletes).</exception>
    public static IAsyncEnumerable<MibChange<MibIfRow2>> WatchInterfaceChanges(CancellationToken cancellationToken = default) =>
        Notifications.ChangeStream.Watch<MibIfRow2>(
            (deliver, onResync, out handle) => Record(Backend.NotifyInterfaceChange(deliver, onResync, true, out handle)), cancellationToken);
}
