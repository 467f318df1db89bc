using System.Runtime.InteropServices;

namespace IpHelper.Windows;

/// <summary>
/// SOCKADDR_IN6_PAIR as CreateSortedAddressPairs returns it (16 bytes on x64): two pointers to
/// SOCKADDR_IN6 (28 bytes, the size and layout of <see cref="SockAddrInet"/>) in the same allocation.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockAddrIn6PairNative
{
    public SockAddrInet* SourceAddress;
    public SockAddrInet* DestinationAddress;
}
