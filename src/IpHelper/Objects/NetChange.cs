namespace IpHelper.Objects;

/// <summary>
/// One change of a watched table (<see cref="NetRoute.WatchAsync"/>, <see cref="NetIPAddress.WatchAsync"/>):
/// what happened and the object as it is now (as it was, for a deletion). <paramref name="Item"/> is null for the
/// initial notification; <paramref name="IsResync"/> marks changes found by re-reading the table after the kernel
/// dropped notifications (ENOBUFS), so a watcher's view stays exact.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="NotificationType">MibAddInstance, MibDeleteInstance, MibParameterNotification or MibInitialNotification.</param>
/// <param name="Item">The object, or null for the initial notification.</param>
/// <param name="IsResync">True when the change comes from a resynchronisation.</param>
public sealed record NetChange<T>(MibNotificationType NotificationType, T? Item, bool IsResync)
    where T : class
{
    /// <summary>The change as one line: its type and the object.</summary>
    public override string ToString() =>
        $"{NotificationType}{(IsResync ? " (resync)" : "")}{(Item is null ? "" : ": " + Item)}";
}
