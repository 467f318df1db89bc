using IpHelper.AddressSelection;
using Xunit;
using static IpHelper.Tests.Unit.Addresses.Rfc6724Fixtures;

namespace IpHelper.Tests.Unit.Addresses;

/// <summary>RFC 6724 section 6, one case per rule (most from the RFC's section 10.2 examples, with documentation addresses).</summary>
public sealed class DestinationSelectionTests
{
    private static readonly (string Rule, DestinationSelection.Candidate First, DestinationSelection.Candidate Second)[] s_cases =
    [
        // rule, the destination that comes first, the one that comes second
        ("1", Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 1), Destination("2001:db8:2::1", Source("2001:db8:1::2/64"), 0, reachable: false)),
        ("1", Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 1), Destination("2001:db8:2::1", null, 0)),
        ("2", Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 1), Destination("198.51.100.121", Source("169.254.13.78/16"), 0)),
        ("3", Destination("198.51.100.121", Source("198.51.100.117/24"), 1), Destination("2001:db8:1::1", Source("2001:db8:1::2/64", deprecated: true), 0)),
        ("4", Destination("2001:db8:2::1", Source("2001:db8:1::3/64", home: true), 1), Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 0)),
        ("5", Destination("2002:c633:6401::1", Source("2002:c633:6401::2/48"), 1), Destination("2001:db8:1::1", Source("2002:c633:6401::2/48"), 0)),
        ("6", Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 1), Destination("198.51.100.121", Source("198.51.100.117/24"), 0)),
        ("7", Destination("2001:db8:2::1", Source("2001:db8:2::2/64"), 1), Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 0, native: false)),
        ("8", Destination("fe80::1", Source("fe80::2/64"), 1), Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 0)),
        ("9", Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 1), Destination("2001:db8:3:ffff::1", Source("2001:db8:1::2/64"), 0)),
    ];

    public static TheoryData<int, string> RuleCases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < s_cases.Length; i++) data.Add(i, $"rule {s_cases[i].Rule}");
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void DecisiveRule_OrdersByThatRule(int index, string rule)
    {
        var (_, first, second) = s_cases[index];
        Assert.Equal((rule[5..], -1), DestinationSelection.DecisiveRule(first, second));
        Assert.Equal((rule[5..], 1), DestinationSelection.DecisiveRule(second, first));
        DestinationSelection.Candidate[] list = [second, first];
        DestinationSelection.Sort(list);
        Assert.Equal([first, second], list);
    }

    [Fact]
    public void Sort_EquallyGoodDestinations_KeepTheirOrder()
    {
        var source = Source("2001:db8:1::2/64");
        var list = Enumerable.Range(0, 50).Select(i => Destination($"2001:db8:1::{i + 1:x}", source, i)).ToArray();
        var expected = list.ToArray();

        DestinationSelection.Sort(list);

        Assert.Equal(("10", 0), DestinationSelection.DecisiveRule(list[0], list[1]));
        Assert.Equal(expected, list);
    }

    [Fact]
    public void DecisiveRule_Rule9_OnlyBetweenDestinationsOfOneFamily()
    {
        var v6 = Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 0);
        var v4 = Destination("198.51.100.1", Source("198.51.100.2/24"), 1);

        // Different families never reach rule 9: precedence (rule 6) already orders them.
        Assert.Equal("6", DestinationSelection.DecisiveRule(v6, v4).Rule);
    }

    [Fact]
    public void Sort_RfcExample_Ipv6BeforeIpv4BeforeUnreachable()
    {
        DestinationSelection.Candidate[] list =
        [
            Destination("203.0.113.9", null, 0, reachable: false),
            Destination("198.51.100.121", Source("198.51.100.117/24"), 1),
            Destination("2001:db8:1::1", Source("2001:db8:1::2/64"), 2),
        ];

        DestinationSelection.Sort(list);

        Assert.Equal([2, 1, 0], list.Select(d => d.OriginalIndex));
    }
}
