using IpHelper.Linux.Namespaces;

namespace IpHelper.Linux;

/// <summary>
/// The Linux implementation of <see cref="INetIoBackend"/>: kernel objects from rtnetlink, /proc and
/// sysctl, mapped to and from MIB rows. One partial file per area. Each instance is bound to one
/// namespace <see cref="Context"/> and acts on it only, whatever thread calls it.
/// </summary>
internal sealed partial class LinuxBackend(NamespaceContext context) : INetIoBackend
{
    /// <summary>The namespace this backend acts on.</summary>
    internal NamespaceContext Context { get; } = context;

    private static BackendResult Failed(Netlink.NetlinkError error, string what) =>
        BackendResult.Fail(error.Status, $"{what}: {error}", errno: error.Errno, kernelMessage: error.Message);

    private static BackendResult NoInterface(uint index) =>
        BackendResult.Fail(NetIoStatus.FileNotFound, $"no interface has index {index}", "InterfaceIndex");

    private static BackendResult NoInterface(string name) =>
        BackendResult.Fail(NetIoStatus.FileNotFound, $"no interface is named '{name}'", "InterfaceAlias");

    private static BackendResult Malformed(string what) =>
        BackendResult.Fail(NetIoStatus.InvalidData, $"{what}: the kernel sent a message that could not be decoded", errno: Errno.EBADMSG);
}
