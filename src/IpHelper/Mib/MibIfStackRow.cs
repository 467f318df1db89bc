using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>MIB_IFSTACK_ROW: one relation of the interface stack, a higher-layer interface running over a lower-layer one (8 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibIfStackRow
{
    /// <summary>The index of the interface above (on Linux, for example a VLAN or a bond).</summary>
    public uint HigherLayerInterfaceIndex;

    /// <summary>The index of the interface below (on Linux, for example the VLAN's parent or a bond member).</summary>
    public uint LowerLayerInterfaceIndex;
}
