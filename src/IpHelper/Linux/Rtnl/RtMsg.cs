using System.Runtime.InteropServices;

namespace IpHelper.Linux.Rtnl;

/// <summary>struct rtmsg: the fixed header of RTM_*ROUTE messages (linux/rtnetlink.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RtMsg
{
    public byte Family;
    public byte DstLen;
    public byte SrcLen;
    public byte Tos;
    /// <summary>The table id when it fits a byte; RTA_TABLE carries the full 32-bit id.</summary>
    public byte Table;
    public byte Protocol;
    public byte Scope;
    public byte Type;
    public uint Flags;
}
