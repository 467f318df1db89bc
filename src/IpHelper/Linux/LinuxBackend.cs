namespace IpHelper.Linux;

/// <summary>
/// The Linux implementation of <see cref="INetIoBackend"/>: kernel objects from rtnetlink, /proc and
/// sysctl, mapped to and from MIB rows. One partial file per area.
/// </summary>
internal sealed partial class LinuxBackend : INetIoBackend
{
    private static NetIoStatus Failed(Netlink.NetlinkError error, string what) =>
        NetIo.Fail(error.Status, $"{what}: {error}", errno: error.Errno, kernelMessage: error.Message);

    private static NetIoStatus Malformed(string what) =>
        NetIo.Fail(NetIoStatus.InvalidData, $"{what}: the kernel sent a message that could not be decoded", errno: Errno.EBADMSG);
}
