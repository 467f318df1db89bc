namespace IpHelper;

/// <summary>
/// The symbolic names of the errno values <see cref="NetIoErrorDetail.Errno"/> carries. That field is a
/// Linux errno by its public contract, whichever backend filled it (the Windows backend leaves it 0),
/// so the names live beside the public type rather than in the Linux backend, which uses them too.
/// </summary>
internal static class ErrnoNames
{
    private static readonly Dictionary<int, string> s_names = new()
    {
        [1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO", [6] = "ENXIO", [7] = "E2BIG",
        [9] = "EBADF", [11] = "EAGAIN", [12] = "ENOMEM", [13] = "EACCES", [14] = "EFAULT", [16] = "EBUSY",
        [17] = "EEXIST", [19] = "ENODEV", [22] = "EINVAL", [23] = "ENFILE", [24] = "EMFILE", [28] = "ENOSPC",
        [30] = "EROFS", [34] = "ERANGE", [36] = "ENAMETOOLONG", [38] = "ENOSYS", [39] = "ENOTEMPTY", [61] = "ENODATA",
        [62] = "ETIME", [71] = "EPROTO", [74] = "EBADMSG", [75] = "EOVERFLOW", [90] = "EMSGSIZE",
        [93] = "EPROTONOSUPPORT", [95] = "EOPNOTSUPP", [97] = "EAFNOSUPPORT", [98] = "EADDRINUSE",
        [99] = "EADDRNOTAVAIL", [100] = "ENETDOWN", [101] = "ENETUNREACH", [105] = "ENOBUFS", [110] = "ETIMEDOUT",
        [113] = "EHOSTUNREACH", [114] = "EALREADY", [125] = "ECANCELED",
    };

    /// <summary>The symbolic name of <paramref name="errno"/> (EEXIST), or "errno N" for one not listed.</summary>
    public static string Name(int errno) => s_names.TryGetValue(errno, out var name) ? name : $"errno {errno}";
}
