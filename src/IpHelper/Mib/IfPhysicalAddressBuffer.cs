using System.Runtime.CompilerServices;

namespace IpHelper;

/// <summary>
/// UCHAR[IF_MAX_PHYS_ADDRESS_LENGTH]: a link-layer address of up to 32 bytes stored inline;
/// the row that holds it says how many bytes are used.
/// </summary>
[InlineArray(MaxLength)]
public struct IfPhysicalAddressBuffer
{
    /// <summary>IF_MAX_PHYS_ADDRESS_LENGTH: the capacity in bytes.</summary>
    public const int MaxLength = 32;

    private byte _element0;

    /// <summary>The first <paramref name="length"/> bytes (at most <see cref="MaxLength"/>) as a <see cref="System.Net.NetworkInformation.PhysicalAddress"/>.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <param name="length">The length field of the row.</param>
    internal static System.Net.NetworkInformation.PhysicalAddress ToPhysicalAddress(in IfPhysicalAddressBuffer buffer, uint length)
    {
        ReadOnlySpan<byte> bytes = buffer;
        return new System.Net.NetworkInformation.PhysicalAddress(bytes[..(int)Math.Min(length, (uint)MaxLength)].ToArray());
    }

    /// <summary>Stores <paramref name="address"/> and zeroes the rest.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <param name="address">At most <see cref="MaxLength"/> bytes.</param>
    /// <param name="parameterName">The argument name reported when the address is too long.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is longer than <see cref="MaxLength"/> bytes.</exception>
    internal static void Write(ref IfPhysicalAddressBuffer buffer, ReadOnlySpan<byte> address, string parameterName)
    {
        if (address.Length > MaxLength)
            throw new ArgumentException($"A physical address has at most {MaxLength} bytes, not {address.Length}.", parameterName);
        Span<byte> bytes = buffer;
        address.CopyTo(bytes);
        bytes[address.Length..].Clear();
    }
}
