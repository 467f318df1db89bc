namespace IpHelper.AddressSelection;

/// <summary>
/// RFC 6724 section 6: orders destinations best first with rules 1-10 (rule 10: otherwise keep the
/// original order, so the sort is stable).
/// </summary>
internal static class DestinationSelection
{
    /// <summary>One destination with what its route and its chosen source tell about it.</summary>
    internal readonly record struct Candidate
    {
        /// <summary>The destination (IPv4 as ::ffff:a.b.c.d).</summary>
        public UInt128 Address { get; init; }

        /// <summary>A route reaches it (a failed route lookup or a blackhole/unreachable/prohibit route makes it unreachable).</summary>
        public bool Reachable { get; init; }

        /// <summary>Source(D), or null when the candidate set was empty.</summary>
        public SourceCandidate? Source { get; init; }

        /// <summary>Reached without an encapsulating transition mechanism (the outgoing interface is not a tunnel).</summary>
        public bool NativeTransport { get; init; }

        /// <summary>Its position in the caller's list.</summary>
        public int OriginalIndex { get; init; }
    }

    /// <summary>Sorts <paramref name="destinations"/> in place, best first.</summary>
    public static void Sort(Span<Candidate> destinations) => destinations.Sort(static (a, b) => Compare(a, b));

    /// <summary>Negative when <paramref name="a"/> comes first.</summary>
    public static int Compare(in Candidate a, in Candidate b)
    {
        var (_, preference) = DecisiveRule(a, b);
        return preference != 0 ? preference : a.OriginalIndex.CompareTo(b.OriginalIndex);
    }

    /// <summary>The first of rules 1-9 that orders <paramref name="a"/> and <paramref name="b"/>, and its verdict (0: rule 10 decides).</summary>
    public static (string Rule, int Preference) DecisiveRule(in Candidate a, in Candidate b)
    {
        // Rule 1: avoid unusable destinations.
        bool usableA = a.Reachable && a.Source is not null, usableB = b.Reachable && b.Source is not null;
        if (usableA != usableB) return ("1", usableA ? -1 : 1);
        if (a.Source is not { } sa || b.Source is not { } sb) return ("10", 0);

        // Rule 2: prefer matching scope.
        int scopeA = SelectionAddress.Scope(a.Address), scopeB = SelectionAddress.Scope(b.Address);
        bool matchA = scopeA == sa.Scope, matchB = scopeB == sb.Scope;
        if (matchA != matchB) return ("2", matchA ? -1 : 1);

        // Rule 3: avoid deprecated sources.
        if (sa.Deprecated != sb.Deprecated) return ("3", sa.Deprecated ? 1 : -1);

        // Rule 4: prefer home address sources.
        if (sa.Home != sb.Home) return ("4", sa.Home ? -1 : 1);

        // Rule 5: prefer matching label.
        bool labelA = PolicyTable.Label(sa.Address) == PolicyTable.Label(a.Address);
        bool labelB = PolicyTable.Label(sb.Address) == PolicyTable.Label(b.Address);
        if (labelA != labelB) return ("5", labelA ? -1 : 1);

        // Rule 6: prefer higher precedence.
        int precedenceA = PolicyTable.Precedence(a.Address), precedenceB = PolicyTable.Precedence(b.Address);
        if (precedenceA != precedenceB) return ("6", precedenceA > precedenceB ? -1 : 1);

        // Rule 7: prefer native transport.
        if (a.NativeTransport != b.NativeTransport) return ("7", a.NativeTransport ? -1 : 1);

        // Rule 8: prefer smaller scope.
        if (scopeA != scopeB) return ("8", scopeA < scopeB ? -1 : 1);

        // Rule 9: use the longest matching prefix, between destinations of the same family.
        if (SelectionAddress.IsIpv4Mapped(a.Address) == SelectionAddress.IsIpv4Mapped(b.Address))
        {
            int commonA = SelectionAddress.CommonPrefixLength(sa.Address, sa.PrefixLength, a.Address);
            int commonB = SelectionAddress.CommonPrefixLength(sb.Address, sb.PrefixLength, b.Address);
            if (commonA != commonB) return ("9", commonA > commonB ? -1 : 1);
        }

        // Rule 10: otherwise, leave the order unchanged.
        return ("10", 0);
    }
}
