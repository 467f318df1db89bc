using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace IpHelper.Notifications;

/// <summary>Turns a notification registration into an IAsyncEnumerable; cancelling the token cancels the registration.</summary>
internal static class ChangeStream
{
    /// <summary>Makes a registration that delivers to the given callback and resync signal.</summary>
    public delegate NetIoStatus Registration<TRow>(ChangeCallback<TRow> deliver, Action onResync, out NotificationHandle? handle) where TRow : struct;

    /// <summary>
    /// Registers when enumeration starts (in the scope current then) and yields every change; ends with
    /// NetIoException when the registration fails or ends by itself (its namespace deleted: BadNetName).
    /// </summary>
    public static async IAsyncEnumerable<MibChange<TRow>> Watch<TRow>(Registration<TRow> register,
        [EnumeratorCancellation] CancellationToken cancellationToken) where TRow : struct
    {
        var channel = Channel.CreateUnbounded<MibChange<TRow>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var status = register(
            (row, type) => channel.Writer.TryWrite(new MibChange<TRow>(type, row)),
            () => channel.Writer.TryWrite(new MibChange<TRow>(MibNotificationType.MibParameterNotification, null, IsResync: true)),
            out var subscription);
        status.ThrowIfFailed();
        using (subscription)
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
    }
}
