using Microsoft.Win32.SafeHandles;

namespace IpHelper.Linux;

/// <summary>An AF_NETLINK socket file descriptor, closed when released.</summary>
internal sealed class SafeNetlinkHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeNetlinkHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle() => Interop.close((int)handle) == 0;
}
