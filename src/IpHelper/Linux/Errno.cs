namespace IpHelper.Linux;

/// <summary>Linux errno values used by the backend and the Windows status each maps to.</summary>
internal static class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, EBADF = 9,
        EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, ENODEV = 19,
        EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOSPC = 28, EROFS = 30, ERANGE = 34, ENAMETOOLONG = 36,
        ENOSYS = 38, ENOTEMPTY = 39, ENODATA = 61, ETIME = 62, EPROTO = 71, EBADMSG = 74, EOVERFLOW = 75,
        EMSGSIZE = 90, EPROTONOSUPPORT = 93, EOPNOTSUPP = 95, EAFNOSUPPORT = 97, EADDRINUSE = 98,
        EADDRNOTAVAIL = 99, ENETDOWN = 100, ENETUNREACH = 101, ENOBUFS = 105, ETIMEDOUT = 110,
        EHOSTUNREACH = 113, EALREADY = 114, ECANCELED = 125;

    /// <summary>The symbolic name of <paramref name="errno"/>, or "errno N" for one not listed (<see cref="ErrnoNames"/>).</summary>
    public static string Name(int errno) => ErrnoNames.Name(errno);

    /// <summary>
    /// The Windows status for a kernel error when the caller has no more specific mapping:
    /// EPERM/EACCES/EROFS (a read-only /proc/sys or /run) are AccessDenied, EEXIST ObjectAlreadyExists, ENOENT/ESRCH/EADDRNOTAVAIL NotFound,
    /// ENODEV FileNotFound (the interface is gone), EOPNOTSUPP/EAFNOSUPPORT NotSupported,
    /// ENETUNREACH NetworkUnreachable, EHOSTUNREACH HostUnreachable, ENOMEM/ENOBUFS NotEnoughMemory.
    /// </summary>
    public static NetIoStatus ToStatus(int errno) => errno switch
    {
        EPERM or EACCES or EROFS => NetIoStatus.AccessDenied,
        EEXIST => NetIoStatus.ObjectAlreadyExists,
        ENOENT or ESRCH or EADDRNOTAVAIL => NetIoStatus.NotFound,
        ENODEV or ENXIO => NetIoStatus.FileNotFound,
        EOPNOTSUPP or EAFNOSUPPORT or EPROTONOSUPPORT => NetIoStatus.NotSupported,
        ENETUNREACH => NetIoStatus.NetworkUnreachable,
        EHOSTUNREACH => NetIoStatus.HostUnreachable,
        ENOMEM or ENOBUFS => NetIoStatus.NotEnoughMemory,
        ETIMEDOUT => NetIoStatus.Timeout,
        ECANCELED => NetIoStatus.OperationAborted,
        EINVAL or ERANGE or E2BIG or ENAMETOOLONG or EMSGSIZE => NetIoStatus.InvalidParameter,
        EBADMSG or EPROTO => NetIoStatus.InvalidData,
        _ => NetIoStatus.GenFailure,
    };
}
