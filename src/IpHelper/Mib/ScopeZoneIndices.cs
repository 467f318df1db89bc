using System.Runtime.CompilerServices;

namespace IpHelper;

/// <summary>
/// ULONG[ScopeLevelCount]: the zone of an IP interface at each scope level, indexed by
/// <see cref="ScopeLevel"/> (for example <c>row.ZoneIndices[(int)ScopeLevel.ScopeLevelLink]</c>).
/// </summary>
[InlineArray((int)ScopeLevel.ScopeLevelCount)]
public struct ScopeZoneIndices
{
    private uint _element0;
}
