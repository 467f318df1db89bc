using System.Runtime.InteropServices;

namespace IpHelper.Linux.Rtnl;

/// <summary>struct ifaddrmsg: the fixed header of RTM_*ADDR, RTM_*MULTICAST and RTM_*ANYCAST messages.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IfAddrMsg
{
    public byte Family;
    public byte PrefixLength;
    public byte Flags;
    public byte Scope;
    public int Index;
}
