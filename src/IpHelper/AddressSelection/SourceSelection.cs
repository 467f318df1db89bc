namespace IpHelper.AddressSelection;

/// <summary>
/// RFC 6724 section 5: the source address for one destination. The candidate set (section 4) is every
/// usable local address of the destination's family; for a destination of link-local or smaller scope
/// only those on the outgoing interface (Linux sends from any local address, like Windows with weak-host
/// sending: rule 5 then prefers the outgoing interface). Rules 1-8 decide pairwise, the first decisive
/// rule wins; remaining ties go to the source the kernel's route prefers, then to the earlier candidate.
/// </summary>
internal static class SourceSelection
{
    /// <summary>What source selection knows about a destination.</summary>
    internal readonly record struct Destination
    {
        /// <summary>The destination (IPv4 as ::ffff:a.b.c.d).</summary>
        public UInt128 Address { get; init; }

        /// <summary>The interface the route to it goes out of.</summary>
        public uint OutgoingInterface { get; init; }

        /// <summary>The route's gateway, when it has one.</summary>
        public UInt128? NextHop { get; init; }

        /// <summary>The route's preferred source (Linux RTA_PREFSRC), when the kernel names one.</summary>
        public UInt128? PreferredSource { get; init; }
    }

    /// <summary>The index of the best candidate for <paramref name="destination"/>, or -1 when the candidate set is empty.</summary>
    public static int Select(ReadOnlySpan<SourceCandidate> candidates, in Destination destination)
    {
        var best = -1;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (!IsCandidate(candidates[i], destination)) continue;
            if (best < 0 || Compare(candidates[i], candidates[best], destination) < 0) best = i;
        }
        return best;
    }

    /// <summary>Section 4: same family; never multicast; on the outgoing interface when the destination's scope is link-local or smaller.</summary>
    public static bool IsCandidate(in SourceCandidate candidate, in Destination destination)
    {
        if (candidate.IsIpv4 != SelectionAddress.IsIpv4Mapped(destination.Address)) return false;
        if (SelectionAddress.IsMulticast(candidate.Address) || candidate.Address == UInt128.Zero) return false;
        return SelectionAddress.Scope(destination.Address) > SelectionAddress.LinkLocal
            || candidate.InterfaceIndex == destination.OutgoingInterface;
    }

    /// <summary>Negative when <paramref name="a"/> is the better source for <paramref name="destination"/>, positive when <paramref name="b"/> is, 0 for a tie.</summary>
    public static int Compare(in SourceCandidate a, in SourceCandidate b, in Destination destination) =>
        DecisiveRule(a, b, destination).Preference;

    /// <summary>The first rule that tells <paramref name="a"/> and <paramref name="b"/> apart (for tests and diagnostics), and its verdict.</summary>
    public static (string Rule, int Preference) DecisiveRule(in SourceCandidate a, in SourceCandidate b, in Destination destination)
    {
        var d = destination.Address;

        // Rule 1: prefer the same address.
        if (a.Address != b.Address)
        {
            if (a.Address == d) return ("1", -1);
            if (b.Address == d) return ("1", 1);
        }

        // Rule 2: prefer the appropriate scope.
        int scopeA = a.Scope, scopeB = b.Scope, scopeD = SelectionAddress.Scope(d);
        if (scopeA < scopeB) return ("2", scopeA < scopeD ? 1 : -1);
        if (scopeB < scopeA) return ("2", scopeB < scopeD ? -1 : 1);

        // Rule 3: avoid deprecated addresses.
        if (a.Deprecated != b.Deprecated) return ("3", a.Deprecated ? 1 : -1);

        // Rule 4: prefer home addresses.
        if (a.Home != b.Home) return ("4", a.Home ? -1 : 1);

        // Rule 5: prefer the outgoing interface.
        bool outA = a.InterfaceIndex == destination.OutgoingInterface, outB = b.InterfaceIndex == destination.OutgoingInterface;
        if (outA != outB) return ("5", outA ? -1 : 1);

        // Rule 5.5: prefer an address in the next hop's prefix (the router advertising a prefix is on it).
        if (destination.NextHop is { } nextHop)
        {
            bool hopA = SelectionAddress.SamePrefix(a.Address, nextHop, a.PrefixLength), hopB = SelectionAddress.SamePrefix(b.Address, nextHop, b.PrefixLength);
            if (hopA != hopB) return ("5.5", hopA ? -1 : 1);
        }

        // Rule 6: prefer a matching label.
        var labelD = PolicyTable.Label(d);
        bool labelA = PolicyTable.Label(a.Address) == labelD, labelB = PolicyTable.Label(b.Address) == labelD;
        if (labelA != labelB) return ("6", labelA ? -1 : 1);

        // Rule 7: prefer temporary addresses, unless the administrator prefers public ones on that interface.
        bool privacyA = a.Temporary == a.PreferTemporary, privacyB = b.Temporary == b.PreferTemporary;
        if (a.Temporary != b.Temporary && privacyA != privacyB) return ("7", privacyA ? -1 : 1);

        // Rule 8: use the longest matching prefix.
        int commonA = SelectionAddress.CommonPrefixLength(a.Address, a.PrefixLength, d);
        int commonB = SelectionAddress.CommonPrefixLength(b.Address, b.PrefixLength, d);
        if (commonA != commonB) return ("8", commonA > commonB ? -1 : 1);

        // Past rule 8 the RFC leaves the choice open: the kernel's preferred source for the route wins.
        if (destination.PreferredSource is { } preferred && a.Address != b.Address)
        {
            if (a.Address == preferred) return ("kernel", -1);
            if (b.Address == preferred) return ("kernel", 1);
        }
        return ("tie", 0);
    }
}
