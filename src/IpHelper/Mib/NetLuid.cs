using System.Globalization;
using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// NET_LUID: the locally unique identifier of a network interface, a 64-bit value whose bits
/// 0-23 are reserved, bits 24-47 hold the <see cref="NetLuidIndex"/> and bits 48-63 the IANA
/// <see cref="IfType"/>. On Linux the index is the kernel ifindex and the type is derived from
/// the link's ARPHRD type and kind, so a LUID names an interface as long as its ifindex lives.
/// A zero value is "unspecified": functions that take a LUID and an index then use the index.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct NetLuid : IEquatable<NetLuid>
{
    private const int IndexShift = 24;
    private const int TypeShift = 48;
    private const ulong ReservedMask = (1UL << IndexShift) - 1;
    private const ulong IndexMask = (1UL << IndexShift) - 1;

    /// <summary>The largest value <see cref="NetLuidIndex"/> can hold (2^24 - 1).</summary>
    public const uint MaxNetLuidIndex = (uint)IndexMask;

    /// <summary>The whole 64-bit value, as in the Value member of the Windows union.</summary>
    public ulong Value;

    /// <summary>Creates a LUID from its 64-bit value.</summary>
    /// <param name="value">The value, bit for bit.</param>
    public NetLuid(ulong value) => Value = value;

    /// <summary>Creates a LUID from an interface index and an IANA interface type; the reserved bits are zero.</summary>
    /// <param name="netLuidIndex">The index, below 2^24 (on Linux, the ifindex).</param>
    /// <param name="ifType">The IANA ifType.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="netLuidIndex"/> does not fit in 24 bits.</exception>
    public NetLuid(uint netLuidIndex, ushort ifType)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(netLuidIndex, MaxNetLuidIndex);
        Value = ((ulong)ifType << TypeShift) | ((ulong)netLuidIndex << IndexShift);
    }

    /// <summary>Bits 0-23, reserved by Windows; zero in every LUID this library creates.</summary>
    public readonly uint Reserved => (uint)(Value & ReservedMask);

    /// <summary>Bits 24-47: the interface index part of the LUID (on Linux, the kernel ifindex).</summary>
    public readonly uint NetLuidIndex => (uint)((Value >> IndexShift) & IndexMask);

    /// <summary>Bits 48-63: the IANA interface type (see <see cref="IpHelper.IfType"/>).</summary>
    public readonly ushort IfType => (ushort)(Value >> TypeShift);

    /// <summary>True when <see cref="Value"/> is zero, the "unspecified" LUID.</summary>
    public readonly bool IsUnspecified => Value == 0;

    /// <summary>Compares the 64-bit values.</summary>
    /// <param name="other">The LUID to compare with.</param>
    public readonly bool Equals(NetLuid other) => Value == other.Value;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is NetLuid other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => Value.GetHashCode();

    /// <summary>The 64-bit value in decimal, as the CLI's JSON prints a LUID.</summary>
    public override readonly string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when both LUIDs have the same value.</summary>
    /// <param name="left">The first LUID.</param>
    /// <param name="right">The second LUID.</param>
    public static bool operator ==(NetLuid left, NetLuid right) => left.Value == right.Value;

    /// <summary>True when the LUIDs have different values.</summary>
    /// <param name="left">The first LUID.</param>
    /// <param name="right">The second LUID.</param>
    public static bool operator !=(NetLuid left, NetLuid right) => left.Value != right.Value;
}
