using System.Runtime.InteropServices;

namespace IpHelper.Linux.Rtnl;

/// <summary>struct rtmsg, as the path-table code sends it (route lookups, exception dumps and deletes) and reads the replies.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PathRtMsg
{
    public byte Family;
    public byte DstLen;
    public byte SrcLen;
    public byte Tos;
    public byte Table;
    public byte Protocol;
    public byte Scope;
    public byte Type;
    public uint Flags;
}
