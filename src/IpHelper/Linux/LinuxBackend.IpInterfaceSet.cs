using System.Net.Sockets;
using IpHelper.Linux.Netlink;
using IpHelper.Linux.Proc;
using IpHelper.Linux.Rtnl;

namespace IpHelper.Linux;

internal sealed partial class LinuxBackend
{
    public BackendResult SetIpInterfaceEntry(in MibIpInterfaceRow row, uint interfaceIndex)
    {
        var family = row.Family;
        var status = ReadIpInterface(family, interfaceIndex, out var current, out var facts);
        if (status == NetIoStatus.NotFound)
            return BackendResult.Fail(NetIoStatus.NotFound, $"interface {interfaceIndex} has no {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} state", "Family");
        if (status != NetIoStatus.Success) return status;
        status = LookupInterface(interfaceIndex, out var identity);
        if (status != NetIoStatus.Success) return status;
        var name = identity.Alias;
        status = IpInterfaceSetPlan.Create(name, facts, current, row, out var plan);
        if (status != NetIoStatus.Success) return status;
        var familyDirectory = family == AddressFamily.InterNetwork ? "ipv4" : "ipv6";
        status = CheckPrivilege($"{familyDirectory}/conf/{name}/forwarding");
        if (status != NetIoStatus.Success || plan.IsEmpty) return status;
        return Apply(plan, family, interfaceIndex, name, facts.Mtu);
    }

    /// <summary>
    /// Opens a sysctl of the interface for writing without writing it: the kernel checks the caller's
    /// right to change the namespace's settings at open, so an unprivileged call fails before any change.
    /// </summary>
    private BackendResult CheckPrivilege(string key)
    {
        var errno = Context.RunHere(() =>
        {
            try
            {
                using var stream = new FileStream("/proc/sys/net/" + key, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
                return 0;
            }
            catch (UnauthorizedAccessException)
            {
                return Errno.EACCES;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return Errno.ENOENT;
            }
        });
        return errno switch
        {
            0 => BackendResult.Success,
            Errno.ENOENT => BackendResult.Fail(NetIoStatus.FileNotFound, $"/proc/sys/net/{key} is gone: the interface disappeared", "InterfaceIndex", errno),
            _ => BackendResult.Fail(NetIoStatus.AccessDenied, $"cannot change /proc/sys/net/{key}: CAP_NET_ADMIN (root) in the namespace is needed", errno: errno),
        };
    }

    /// <summary>Makes the planned writes in order; when one fails, the earlier ones are undone and its status returned.</summary>
    private BackendResult Apply(IpInterfaceSetPlan plan, AddressFamily family, uint interfaceIndex, string name, uint oldMtu)
    {
        var undo = new Stack<Func<int>>();
        BackendResult Rollback(BackendResult status)
        {
            while (undo.Count > 0) undo.Pop()();
            return status;
        }
        foreach (var (key, value) in plan.Sysctls)
        {
            var old = Sysctl.Read(Context, key);
            if (old is null) return Rollback(BackendResult.Fail(NetIoStatus.FileNotFound, $"/proc/sys/net/{key} is gone: the interface disappeared", "InterfaceIndex", Errno.ENOENT));
            var errno = Sysctl.Write(Context, key, value);
            if (errno != 0) return Rollback(WriteFailed(key, value, errno));
            undo.Push(() => Sysctl.Write(Context, key, old));
        }
        using var lease = Context.Sockets.Rent();
        if (plan.LinkMtu is { } mtu)
        {
            var error = SetLinkMtu(lease.Socket, (int)interfaceIndex, mtu);
            if (error.Failed) return Rollback(Failed(error, $"RTM_SETLINK mtu {mtu}"));
            var socket = lease.Socket;
            undo.Push(() => SetLinkMtu(socket, (int)interfaceIndex, oldMtu).Errno);
        }
        if (plan.MetricChanges)
        {
            var previous = Context.Metrics.Get(family, interfaceIndex, name);
            var errno = Context.Metrics.Set(family, interfaceIndex, name, plan.Metric);
            if (errno != 0)
                return Rollback(BackendResult.Fail(Errno.ToStatus(errno), $"cannot record the interface metric in /run/iphelper, IpHelper's state directory: {Errno.Name(errno)}; nothing was changed", "Metric", errno));
            undo.Push(() => Context.Metrics.Set(family, interfaceIndex, name, previous));
            var linuxFamily = family == AddressFamily.InterNetwork ? (byte)2 : (byte)10;
            var error = InterfaceRoutePriorities.Shift(lease.Socket, linuxFamily, (int)interfaceIndex, plan.PriorityDelta);
            if (error.Failed) return Rollback(Failed(error, "moving the interface's routes to their new priority"));
        }
        return BackendResult.Success;
    }

    private static BackendResult WriteFailed(string key, long value, int errno) => errno switch
    {
        Errno.EACCES or Errno.EPERM => BackendResult.Fail(NetIoStatus.AccessDenied, $"cannot write /proc/sys/net/{key}: CAP_NET_ADMIN (root) in the namespace is needed", errno: errno),
        Errno.EINVAL or Errno.ERANGE => BackendResult.Fail(NetIoStatus.InvalidParameter, $"the kernel refused {value} for /proc/sys/net/{key}", errno: errno),
        Errno.ENOENT or Errno.ENODEV => BackendResult.Fail(NetIoStatus.FileNotFound, $"/proc/sys/net/{key} is gone: the interface disappeared", "InterfaceIndex", errno),
        _ => BackendResult.Fail(Errno.ToStatus(errno), $"writing {value} to /proc/sys/net/{key} failed: {Errno.Name(errno)}", errno: errno),
    };

    private static NetlinkError SetLinkMtu(NetlinkSocket socket, int interfaceIndex, uint mtu)
    {
        using var request = new NetlinkMessageWriter();
        request.BeginMessage(RtnlMessageType.RTM_SETLINK, 0);
        request.Header<IfInfoMsg>().Index = interfaceIndex;
        request.PutU32(LinkConstants.IFLA_MTU, mtu);
        request.EndMessage();
        return socket.Execute(request);
    }
}
