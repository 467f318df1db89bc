using System.Globalization;
using System.Runtime.InteropServices;

namespace IpHelper;

/// <summary>
/// SCOPE_ID: a 32-bit zone identifier whose bits 0-27 are the <see cref="Zone"/> (on Linux,
/// the interface index for link scope) and bits 28-31 the <see cref="Level"/>, a
/// <see cref="ScopeLevel"/> value.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ScopeId : IEquatable<ScopeId>
{
    private const int LevelShift = 28;
    private const uint ZoneMask = (1u << LevelShift) - 1;

    /// <summary>The largest value <see cref="Zone"/> can hold (2^28 - 1).</summary>
    public const uint MaxZone = ZoneMask;

    /// <summary>The whole 32-bit value, as in the Value member of the Windows union.</summary>
    public uint Value;

    /// <summary>Creates a scope identifier from its 32-bit value.</summary>
    /// <param name="value">The value, bit for bit.</param>
    public ScopeId(uint value) => Value = value;

    /// <summary>Creates a scope identifier from a zone and a level.</summary>
    /// <param name="zone">The zone, below 2^28.</param>
    /// <param name="level">The scope level, 0 to 15.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part does not fit in its bits.</exception>
    public ScopeId(uint zone, ScopeLevel level)
    {
        Zone = zone;
        Level = level;
    }

    /// <summary>Bits 0-27: the zone index within the level.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set does not fit in 28 bits.</exception>
    public uint Zone
    {
        readonly get => Value & ZoneMask;
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxZone);
            Value = (Value & ~ZoneMask) | value;
        }
    }

    /// <summary>Bits 28-31: the scope level the zone belongs to.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not between 0 and 15.</exception>
    public ScopeLevel Level
    {
        readonly get => (ScopeLevel)(Value >> LevelShift);
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)value, 15u, nameof(value));
            Value = (Value & ZoneMask) | ((uint)value << LevelShift);
        }
    }

    /// <summary>Compares the 32-bit values.</summary>
    /// <param name="other">The scope identifier to compare with.</param>
    public readonly bool Equals(ScopeId other) => Value == other.Value;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ScopeId other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => Value.GetHashCode();

    /// <summary>The 32-bit value in decimal.</summary>
    public override readonly string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when both values are equal.</summary>
    /// <param name="left">The first scope identifier.</param>
    /// <param name="right">The second scope identifier.</param>
    public static bool operator ==(ScopeId left, ScopeId right) => left.Value == right.Value;

    /// <summary>True when the values differ.</summary>
    /// <param name="left">The first scope identifier.</param>
    /// <param name="right">The second scope identifier.</param>
    public static bool operator !=(ScopeId left, ScopeId right) => left.Value != right.Value;
}
