using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>MIB_ANYCASTIPADDRESS_ROW: an anycast IP address of an interface (48 bytes, Windows x64 layout).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MibAnycastIpAddressRow
{
    /// <summary>The anycast address.</summary>
    public SockAddrInet Address;

    /// <summary>The locally unique identifier of the interface.</summary>
    public NetLuid InterfaceLuid;

    /// <summary>The interface index.</summary>
    public uint InterfaceIndex;

    /// <summary>The scope identifier of the address.</summary>
    public ScopeId ScopeId;
}
