namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Streams changes of the interface table (MIB_IF_ROW2 rows without counters) until
    /// <paramref name="cancellationToken"/> is cancelled: RTM_NEWLINK / RTM_DELLINK told apart into
    /// add, parameter change and delete. Windows has no Notify function for this table; it is the
    /// stream behind <c>iphelper monitor interfaces</c>.
    /// </summary>
    /// <exception cref="NetIoException">The registration failed, or its namespace was deleted (BadNetName, after the deletes).</exception>
    public static IAsyncEnumerable<MibChange<MibIfRow2>> WatchInterfaceChanges(CancellationToken cancellationToken = default) =>
        Notifications.ChangeStream.Watch<MibIfRow2>(
            (deliver, onResync, out handle) => Backend.NotifyInterfaceChange(deliver, onResync, true, out handle), cancellationToken);
}
