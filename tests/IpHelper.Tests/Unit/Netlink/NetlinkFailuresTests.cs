using System.Reflection;
using IpHelper.Linux;
using IpHelper.Linux.Netlink;
using Xunit;

namespace IpHelper.Tests.Unit.Netlink;

/// <summary>
/// The Netlink layer reports errno values only; the Linux backend turns them into statuses and details
/// (Linux/NetlinkFailures.cs), and the errno names live beside the public NetIoErrorDetail.
/// </summary>
public sealed class NetlinkFailuresTests
{
    [Fact]
    public void NetlinkException_BecomesTheDetailTheOldNetIoExceptionCarried()
    {
        var failure = new NetlinkException(Errno.EPERM, "cannot join rtnetlink group 5", "kernel text");
        Assert.Equal(new NetIoErrorDetail(NetIoStatus.AccessDenied, Errno.EPERM, "kernel text", null, "cannot join rtnetlink group 5"), failure.Detail);
        Assert.Equal(NetIoStatus.AccessDenied, failure.Status);
    }

    [Theory]
    [InlineData(Errno.EMFILE, NetIoStatus.GenFailure)]
    [InlineData(Errno.ENOBUFS, NetIoStatus.NotEnoughMemory)]
    [InlineData(Errno.EACCES, NetIoStatus.AccessDenied)]
    public void NetlinkException_StatusIsTheErrnosMapping(int errno, NetIoStatus expected)
    {
        var failure = new NetlinkException(errno, $"socket(AF_NETLINK) failed: {Errno.Name(errno)}");
        Assert.Equal(expected, failure.Detail.Status);
        Assert.Equal(Errno.Name(errno), failure.Detail.ErrnoName);
        Assert.Null(failure.Detail.KernelMessage);
    }

    [Fact]
    public void NetlinkError_Status_IsSuccessWithoutAnErrno_ElseTheErrnosMapping()
    {
        Assert.Equal(NetIoStatus.Success, NetlinkError.None.Status);
        Assert.Equal(NetIoStatus.ObjectAlreadyExists, new NetlinkError(Errno.EEXIST, "File exists").Status);
    }

    [Fact]
    public void ErrnoNames_NameEveryErrnoTheBackendUses_ByItsConstantsName()
    {
        var constants = typeof(Errno).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();
        Assert.NotEmpty(constants);
        foreach (var field in constants)
            Assert.Equal(field.Name, ErrnoNames.Name((int)field.GetRawConstantValue()!));
        Assert.Equal("errno 4095", ErrnoNames.Name(4095));
    }
}
