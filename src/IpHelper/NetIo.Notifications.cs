namespace IpHelper;

public static partial class NetIo
{
    /// <summary>
    /// Ends a change-notification registration. Waits for a callback that is running, and no callback
    /// of this registration starts after it returns. Called from inside one of the registration's own
    /// callbacks it does not wait (that would deadlock): it returns at once, the running callback
    /// finishes, and no further callback starts. InvalidParameter for null; InvalidHandle when the
    /// registration was already cancelled.
    /// </summary>
    public static NetIoStatus CancelMibChangeNotify2(NotificationHandle? notificationHandle)
    {
        if (notificationHandle is null) return Fail(NetIoStatus.InvalidParameter, "the notification handle is null", "NotificationHandle");
        return notificationHandle.Cancel()
            ? Ok()
            : Fail(NetIoStatus.InvalidHandle, "the notification registration was already cancelled", "NotificationHandle");
    }

    /// <summary>
    /// Receives every exception thrown by a notification callback. The registration goes on after such
    /// an exception. With no handler attached, the exception is written to <see cref="Console.Error"/>.
    /// </summary>
    public static event Action<Exception>? NotificationCallbackFailed;

    internal static void ReportCallbackFailure(Exception exception)
    {
        try
        {
            if (NotificationCallbackFailed is { } handlers) handlers(exception);
            else Console.Error.WriteLine($"IpHelper: a notification callback threw: {exception}");
        }
        catch (Exception handlerFailure)
        {
            // A failing handler must not end the registration either.
            Console.Error.WriteLine($"IpHelper: the NotificationCallbackFailed handler threw: {handlerFailure}");
        }
    }
}
