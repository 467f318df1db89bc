namespace IpHelper.Linux.Notifications;

/// <summary>A registration fed by its namespace's <see cref="NamespaceEvents"/>. Called on the pump thread: must not block.</summary>
internal interface IEventSink
{
    /// <summary>A notification arrived.</summary>
    void Post(QueuedMessage message);

    /// <summary>The kernel dropped notifications (ENOBUFS on the shared socket): the registration must re-read its table.</summary>
    void Overrun();

    /// <summary>The namespace was deleted: the registration must end.</summary>
    void NamespaceGone();
}
