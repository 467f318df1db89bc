using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// MIB_MULTICASTIPADDRESS_ROW: a multicast group an interface has joined (48 bytes, Windows x64
/// layout). Unlike the anycast row, <see cref="InterfaceIndex"/> comes before <see cref="InterfaceLuid"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibMulticastIpAddressRow
{
    /// <summary>The multicast address.</summary>
    public SockAddrInet Address;

    /// <summary>The interface index.</summary>
    public uint InterfaceIndex;

    /// <summary>The locally unique identifier of the interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The scope identifier of the address.</summary>
    public ScopeId ScopeId;
}
