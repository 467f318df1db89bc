using IpHelper.AddressSelection;
using Xunit;
using static IpHelper.Tests.Unit.Addresses.Rfc6724Fixtures;

namespace IpHelper.Tests.Unit.Addresses;

/// <summary>RFC 6724 section 5, one case per rule: the rule that decides, and the winner whichever order the candidates come in.</summary>
public sealed class SourceSelectionTests
{
    private static readonly (string Rule, SourceCandidate Winner, SourceCandidate Loser, SourceSelection.Destination Destination)[] s_cases =
    [
        // rule, winner, loser, destination
        ("1", Source("2001:db8:1::1/64"), Source("2001:db8:1::2/64"), To("2001:db8:1::1")),
        // Rule 2: a global destination needs a global source, a link-local one prefers the smaller (still sufficient) scope.
        ("2", Source("2001:db8:1::1/64"), Source("fe80::1/64"), To("2001:db8:9::9")),
        ("2", Source("fe80::1/64"), Source("2001:db8:1::1/64"), To("fe80::9")),
        ("2", Source("198.51.100.1/24"), Source("169.254.1.1/16"), To("203.0.113.9")),
        ("3", Source("2001:db8:1::1/64"), Source("2001:db8:1::2/64", deprecated: true), To("2001:db8:1::9")),
        ("4", Source("2001:db8:1::2/64", home: true), Source("2001:db8:1::1/64"), To("2001:db8:1::9")),
        ("5", Source("2001:db8:1::2/64", index: 2), Source("2001:db8:1::1/64", index: 3), To("2001:db8:1::9", outgoing: 2)),
        // Rule 5.5 comes before rule 8: the next hop's prefix wins over a longer match with the destination.
        ("5.5", Source("2001:db8:1::1/64"), Source("2001:db8:2::1/64"), To("2001:db8:2:5::9", nextHop: "2001:db8:1::fe")),
        // Rule 6 comes before rule 8: a matching label (6to4, 2) wins although the other shares more bits.
        ("6", Source("2002::1/8"), Source("2003::1/64"), To("2002:c000:201::1")),
        ("7", Source("2001:db8:1:0:a047:379a:7394:7e6a/64", temporary: true), Source("2001:db8:1::1/64"), To("2001:db8:9::9")),
        ("7", Source("2001:db8:1::1/64", preferTemporary: false), Source("2001:db8:1:0:a047:379a:7394:7e6a/64", temporary: true, preferTemporary: false), To("2001:db8:9::9")),
        ("8", Source("2001:db8:1::1/64"), Source("2001:db8:2::1/64"), To("2001:db8:1::9")),
        ("8", Source("198.51.100.1/24"), Source("192.0.2.1/24"), To("198.51.100.77")),
        ("kernel", Source("192.0.2.2/24"), Source("192.0.2.1/24"), To("192.0.2.9", preferredSource: "192.0.2.2")),
    ];

    public static TheoryData<int, string> RuleCases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < s_cases.Length; i++) data.Add(i, $"rule {s_cases[i].Rule}");
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void DecisiveRule_PicksTheWinnerByThatRule(int index, string rule)
    {
        var (_, winner, loser, destination) = s_cases[index];
        Assert.Equal((rule[5..], -1), SourceSelection.DecisiveRule(winner, loser, destination));
        Assert.Equal((rule[5..], 1), SourceSelection.DecisiveRule(loser, winner, destination));
        Assert.Equal(0, SourceSelection.Select([winner, loser], destination));
        Assert.Equal(1, SourceSelection.Select([loser, winner], destination));
    }

    [Fact]
    public void DecisiveRule_TwoEqualCandidates_IsATieKeptInTableOrder()
    {
        var a = Source("192.0.2.1/24");
        var b = Source("192.0.2.2/24");

        Assert.Equal(("tie", 0), SourceSelection.DecisiveRule(a, b, To("192.0.2.9")));
        Assert.Equal(0, SourceSelection.Select([a, b], To("192.0.2.9")));
        Assert.Equal(0, SourceSelection.Select([b, a], To("192.0.2.9")));
    }

    [Fact]
    public void Select_OtherFamilyCandidates_AreNotCandidates()
    {
        Assert.Equal(-1, SourceSelection.Select([Source("192.0.2.1/24")], To("2001:db8::9")));
        Assert.Equal(-1, SourceSelection.Select([Source("2001:db8::1/64")], To("192.0.2.9")));
    }

    [Fact]
    public void Select_LinkLocalDestination_OnlyConsidersTheOutgoingInterface()
    {
        SourceCandidate[] candidates = [Source("fe80::1/64", index: 3), Source("fe80::2/64", index: 2)];

        Assert.Equal(1, SourceSelection.Select(candidates, To("fe80::9", outgoing: 2)));
        Assert.Equal(-1, SourceSelection.Select([candidates[0]], To("fe80::9", outgoing: 2)));
    }

    [Fact]
    public void Select_GlobalDestination_MayUseAnotherInterface()
    {
        // Linux sends from any local address: a global address on another interface beats the
        // outgoing interface's link-local address (rule 2 before rule 5).
        SourceCandidate[] candidates = [Source("fe80::2/64", index: 2), Source("2001:db8:1::1/128", index: 1)];

        Assert.Equal(1, SourceSelection.Select(candidates, To("2001:db8:9::9", outgoing: 2)));
    }

    [Fact]
    public void Select_MulticastLinkScope_RestrictsToTheOutgoingInterface()
    {
        SourceCandidate[] candidates = [Source("2001:db8:1::1/64", index: 3), Source("fe80::2/64", index: 2)];

        Assert.Equal(1, SourceSelection.Select(candidates, To("ff02::1", outgoing: 2)));
    }
}
