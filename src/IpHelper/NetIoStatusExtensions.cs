namespace IpHelper;

/// <summary>Helpers for code that prefers exceptions to status codes.</summary>
public static class NetIoStatusExtensions
{
    /// <summary>
    /// Throws <see cref="NetIoException"/> carrying <see cref="NetIo.LastErrorDetail"/> when
    /// <paramref name="status"/> is not <see cref="NetIoStatus.Success"/>.
    /// </summary>
    public static void ThrowIfFailed(this NetIoStatus status)
    {
        if (status == NetIoStatus.Success) return;
        var detail = NetIo.LastErrorDetail;
        throw new NetIoException(detail is not null && detail.Status == status
            ? detail
            : new NetIoErrorDetail(status, 0, null, null, status.ToString()));
    }
}
