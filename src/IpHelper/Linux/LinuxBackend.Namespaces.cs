using System.Runtime.InteropServices;
using IpHelper.Linux.Namespaces;
using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public ulong NamespaceInode => Context.Inode;

    public BackendResult EnterNamespace(string path, string? name, string argument, out INetIoContext? context)
    {
        context = null;
        var fd = Interop.open(path, Interop.O_RDONLY | Interop.O_CLOEXEC);
        if (fd.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            fd.Dispose();
            return errno switch
            {
                Errno.ENOENT when name is not null => BackendResult.Fail(NetIoStatus.FileNotFound,
                    $"there is no network namespace named '{name}' ({path} does not exist; see 'ip netns list')", argument, errno),
                Errno.ENOENT => BackendResult.Fail(NetIoStatus.FileNotFound, $"{path} does not exist", argument, errno),
                _ => BackendResult.Fail(Errno.ToStatus(errno), $"cannot open {path}", argument, errno),
            };
        }
        return Enter(fd, name ?? path, path, path, argument, out context);
    }

    public BackendResult EnterNamespace(SafeFileHandle descriptor, string argument, out INetIoContext? context)
    {
        context = null;
        var fd = Interop.fcntl(descriptor, Interop.F_DUPFD_CLOEXEC, 0);
        if (fd.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            fd.Dispose();
            return errno == Errno.EBADF
                ? BackendResult.Fail(NetIoStatus.InvalidParameter, "the namespace descriptor is not an open file descriptor", argument, errno)
                : BackendResult.Fail(Errno.ToStatus(errno), "cannot duplicate the namespace descriptor", argument, errno);
        }
        return Enter(fd, name: null, path: null, "the namespace descriptor", argument, out context);
    }

    public BackendResult GetThreadNamespaceInode(out ulong inode)
    {
        inode = 0;
        using var fd = Interop.open(NamespaceContext.ThreadNamespacePath, Interop.O_RDONLY | Interop.O_CLOEXEC);
        if (fd.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            return BackendResult.Fail(Errno.ToStatus(errno), $"cannot open {NamespaceContext.ThreadNamespacePath}", errno: errno);
        }
        return Inode(fd, NamespaceContext.ThreadNamespacePath, argument: null, out _, out inode);
    }

    /// <summary>Takes a reference to the context of the namespace file <paramref name="fd"/> (taken over).</summary>
    private static BackendResult Enter(SafeFileHandle fd, string? name, string? path, string what, string argument, out INetIoContext? context)
    {
        context = null;
        var status = Inode(fd, what, argument, out var device, out var inode);
        if (status != NetIoStatus.Success)
        {
            fd.Dispose();
            return status;
        }
        var errno = NamespaceContext.Acquire(fd, device, inode, name, path, out var acquired);
        if (errno != 0)
        {
            return errno switch
            {
                Errno.EINVAL => BackendResult.Fail(NetIoStatus.InvalidParameter, $"{what} is not a network namespace", argument, errno),
                Errno.EPERM => BackendResult.Fail(NetIoStatus.AccessDenied, $"entering the network namespace {what} needs CAP_SYS_ADMIN", argument, errno),
                _ => BackendResult.Fail(Errno.ToStatus(errno), $"cannot enter the network namespace {what}", argument, errno),
            };
        }
        context = new NamespaceReference(acquired!);
        return BackendResult.Success;
    }

    private static BackendResult Inode(SafeFileHandle fd, string what, string? argument, out ulong device, out ulong inode)
    {
        inode = NamespaceContext.StatInode(fd, out device, out var errno);
        if (inode != 0) return BackendResult.Success;
        return errno == Errno.EOPNOTSUPP
            ? BackendResult.Fail(NetIoStatus.NotSupported, $"the kernel did not report the inode of {what}", argument)
            : BackendResult.Fail(Errno.ToStatus(errno), $"cannot stat {what}", argument, errno);
    }
}
