using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace IpHelper.Notifications;

/// <summary>Turns a notification registration into an IAsyncEnumerable; cancelling the token cancels the registration.</summary>
internal static class ChangeStream
{
    public static async IAsyncEnumerable<MibChange<TRow>> Watch<TKey, TRow>(IChangeSource<TKey, TRow> source, AddressFamily family,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TKey : notnull where TRow : struct
    {
        var channel = Channel.CreateUnbounded<MibChange<TRow>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var status = ChangeSubscription<TKey, TRow>.Start(source, family,
            (row, type) => channel.Writer.TryWrite(new MibChange<TRow>(type, row)),
            initialNotification: true, out var subscription,
            onResync: () => channel.Writer.TryWrite(new MibChange<TRow>(MibNotificationType.MibParameterNotification, null, IsResync: true)));
        status.ThrowIfFailed();
        using (subscription)
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                while (channel.Reader.TryRead(out var change))
                    yield return change;
        }
    }
}
