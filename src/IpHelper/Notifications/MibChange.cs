namespace IpHelper;

/// <summary>
/// One item of a change stream (<see cref="NetIo.WatchInterfaceChanges"/> and the other Watch*
/// functions): what happened and the row it happened to. A stream starts with
/// MibInitialNotification (no row). When notifications were dropped (the kernel's queue overflowed,
/// or the consumer fell more than 4,096 changes behind and the kernel's queue filled meanwhile), an
/// item with <see cref="IsResync"/> set comes first, then the differences between what the consumer
/// was given and the table re-read: applying every item keeps a mirror equal to the table.
/// </summary>
/// <param name="NotificationType">Add, delete, parameter change, or the initial notification.</param>
/// <param name="Row">The row added, changed or deleted; null for the initial notification and resync markers.</param>
/// <param name="IsResync">True for the marker that announces a resynchronisation.</param>
public readonly record struct MibChange<TRow>(MibNotificationType NotificationType, TRow? Row, bool IsResync = false) where TRow : struct;
