namespace IpHelper.Linux.Netlink;

/// <summary>
/// A socket of this layer could not be made (socket, bind, getsockname, a group joined, eventfd): the
/// one failure that cannot be returned as a <see cref="NetlinkError"/>, because there is no socket to
/// return it from. Carries the errno and what failed; the backend maps it to a status.
/// </summary>
internal sealed class NetlinkException(int errno, string message, string? kernelMessage = null) : Exception(message)
{
    /// <summary>The positive errno.</summary>
    public int Errno { get; } = errno;

    /// <summary>The kernel's extended-ack text, when the failure came with one.</summary>
    public string? KernelMessage { get; } = kernelMessage;
}
