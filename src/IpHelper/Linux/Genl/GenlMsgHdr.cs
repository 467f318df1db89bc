using System.Runtime.InteropServices;

namespace IpHelper.Linux.Genl;

/// <summary>struct genlmsghdr: the fixed header of every generic-netlink message, after the netlink header.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GenlMsgHdr
{
    public byte Command;
    public byte Version;
    public ushort Reserved;
}
