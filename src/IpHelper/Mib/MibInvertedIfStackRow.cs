using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>MIB_INVERTEDIFSTACK_ROW: a relation of the interface stack seen from below, the lower-layer interface first (8 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibInvertedIfStackRow
{
    /// <summary>The index of the interface below.</summary>
    public uint LowerLayerInterfaceIndex;

    /// <summary>The index of the interface above.</summary>
    public uint HigherLayerInterfaceIndex;
}
