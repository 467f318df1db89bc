using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace IpHelper.Notifications;

/// <summary>
/// Turns a notification registration into an IAsyncEnumerable; cancelling the token cancels the registration.
/// <para>
/// The stream buffers at most <see cref="Capacity"/> changes. When the consumer falls that far behind,
/// the registration's callback waits for room instead of buffering more; meanwhile the registration
/// queues notifications (at most ChangeSubscription.MaxQueuedBytes, 4 MiB) and then drops them as an
/// overrun. Once the consumer reads again, the registration re-reads the table and the stream yields a
/// resync marker (<see cref="MibChange{TRow}.IsResync"/>) followed by the differences between what the
/// consumer was given and the table now. Memory stays bounded by the buffer, the queue and the
/// registration's view (proportional to the table); nothing is dropped silently.
/// </para>
/// </summary>
internal static class ChangeStream
{
    /// <summary>The most changes a stream holds for a consumer that has not read them yet.</summary>
    public const int Capacity = 4096;

    /// <summary>Makes a registration that delivers to the given callback and resync signal.</summary>
    public delegate NetIoStatus Registration<TRow>(ChangeCallback<TRow> deliver, Action onResync, out NotificationHandle? handle) where TRow : struct;

    /// <summary>
    /// Registers when enumeration starts (in the scope current then) and yields every change; ends with
    /// NetIoException when the registration fails or ends by itself (its namespace deleted: BadNetName).
    /// </summary>
    public static async IAsyncEnumerable<MibChange<TRow>> Watch<TRow>(Registration<TRow> register,
        [EnumeratorCancellation] CancellationToken cancellationToken) where TRow : struct
    {
        var channel = Channel.CreateBounded<MibChange<TRow>>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var stop = new CancellationTokenSource();
        void Write(MibChange<TRow> change)
        {
            // Runs on the registration's callback thread: waiting here is what bounds the stream (see the class remarks).
            while (!channel.Writer.TryWrite(change))
            {
                try
                {
                    if (!channel.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult()) return;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        var status = register(
            (row, type) => Write(new MibChange<TRow>(type, row)),
            () => Write(new MibChange<TRow>(MibNotificationType.MibParameterNotification, null, IsResync: true)),
            out var subscription);
        if (status != NetIoStatus.Success)
        {
            stop.Dispose();
            status.ThrowIfFailed();
        }
        try
        {
            while (true)
            {
                // Wake up now and then to see whether the registration ended by itself.
                using var slice = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                slice.CancelAfter(TimeSpan.FromSeconds(1));
                bool more;
                try
                {
                    more = await channel.Reader.WaitToReadAsync(slice.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    more = true;
                }
                if (!more) yield break;
                while (channel.Reader.TryRead(out var change))
                    yield return change;
                if (subscription!.IsCancelled && subscription.EndStatus != NetIoStatus.Success)
                {
                    while (channel.Reader.TryRead(out var change))
                        yield return change;
                    throw new NetIoException(new NetIoErrorDetail(subscription.EndStatus, 0, null, null,
                        subscription.EndStatus == NetIoStatus.BadNetName
                            ? "the network namespace of the registration was deleted"
                            : "the registration ended after a failure it could not recover from"));
                }
            }
        }
        finally
        {
            // Release a registration thread waiting for room first, or the cancel would wait for it forever.
            stop.Cancel();
            subscription?.Dispose();
            stop.Dispose();
        }
    }
}
