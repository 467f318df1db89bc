using IpHelper.Linux.Netlink;

namespace IpHelper.Linux;

/// <summary>
/// The backend's reading of the Netlink layer's failures: the Netlink layer reports errno values and
/// knows nothing of Windows statuses; this is where an errno becomes a <see cref="NetIoStatus"/>.
/// </summary>
internal static class NetlinkFailures
{
    extension(NetlinkError error)
    {
        /// <summary>The Windows status for this errno (see <see cref="Errno.ToStatus"/>), Success for none.</summary>
        public NetIoStatus Status => error.Errno == 0 ? NetIoStatus.Success : Errno.ToStatus(error.Errno);
    }

    extension(NetlinkException exception)
    {
        /// <summary>The Windows status for the exception's errno.</summary>
        public NetIoStatus Status => Errno.ToStatus(exception.Errno);

        /// <summary>The failure as a caller sees it: status, errno, kernel text and what failed.</summary>
        public NetIoErrorDetail Detail => new(exception.Status, exception.Errno, exception.KernelMessage, null, exception.Message);
    }
}
