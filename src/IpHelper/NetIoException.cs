namespace IpHelper;

/// <summary>
/// Thrown by <see cref="NetIoStatusExtensions.ThrowIfFailed(NetIoStatus)"/> and by the idiomatic helpers;
/// the Windows-shaped functions themselves return a <see cref="NetIoStatus"/> and never throw for a documented failure.
/// </summary>
public sealed class NetIoException : Exception
{
    /// <summary>Creates the exception from a failure detail.</summary>
    public NetIoException(NetIoErrorDetail detail) : base(detail.ToString()) => Detail = detail;

    /// <summary>The status, errno and kernel message of the failure.</summary>
    public NetIoErrorDetail Detail { get; }

    /// <summary>The Windows status code of the failure.</summary>
    public NetIoStatus Status => Detail.Status;
}
