using System.Diagnostics.CodeAnalysis;

namespace IpHelper.Linux;

/// <summary>One entry of a multicast or anycast membership list: an interface index and the group (or anycast) address.</summary>
internal struct Membership
{
    public int Index;
    public Ipv6AddressBytes Bytes;
    public byte Length;

    /// <summary>The 4 or 16 address bytes.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Address => ((ReadOnlySpan<byte>)Bytes)[..Length];
}
