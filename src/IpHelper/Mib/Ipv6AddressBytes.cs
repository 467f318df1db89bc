using System.Runtime.CompilerServices;

namespace IpHelper;

/// <summary>The 16 bytes of an in6_addr, stored inline in <see cref="SockAddrInet"/>.</summary>
[InlineArray(16)]
internal struct Ipv6AddressBytes
{
    private byte _element0;
}
