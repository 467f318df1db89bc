using System.Runtime.InteropServices;

namespace IpHelper.Linux.Rtnl;

/// <summary>struct ndmsg: the fixed header of RTM_*NEIGH messages.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NdMsg
{
    public byte Family;
    public byte Pad1;
    public ushort Pad2;
    public int IfIndex;
    public ushort State;
    public byte Flags;
    public byte Type;
}
