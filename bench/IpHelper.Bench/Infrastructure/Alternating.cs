namespace IpHelper.Bench.Infrastructure;

/// <summary>
/// Alternating rounds: the first round runs the ways in order, the second in reverse, and so on
/// (A B C, C B A, ...), so that a drift of the machine's load falls on every way alike. A way may take
/// part in fewer rounds than the others (a slow peer capped to keep the report's duration down): it
/// runs in the first ones, so that its per-round ratios pair with the same rounds of the other ways.
/// </summary>
internal static class Alternating
{
    /// <summary>
    /// Runs <paramref name="measure"/>(way, round) for every round and every way whose cap
    /// (<paramref name="roundsOf"/>(way)) allows it; returns the results per way, in round order.
    /// </summary>
    public static List<T>[] Run<T>(int rounds, int ways, Func<int, int> roundsOf, Func<int, int, T> measure)
    {
        var results = Enumerable.Range(0, ways).Select(_ => new List<T>()).ToArray();
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < ways; i++)
            {
                var way = round % 2 == 0 ? i : ways - 1 - i;
                if (round < roundsOf(way)) results[way].Add(measure(way, round));
            }
        return results;
    }

    /// <summary>Every way in all <paramref name="rounds"/> rounds.</summary>
    public static List<T>[] Run<T>(int rounds, int ways, Func<int, int, T> measure) => Run(rounds, ways, _ => rounds, measure);

    /// <summary>The per-round ratios <paramref name="a"/>/<paramref name="b"/> over the rounds both ran (the first ones).</summary>
    public static Spread Ratio(IReadOnlyList<double> a, IReadOnlyList<double> b) => Spread.Of(a.Zip(b, (x, y) => x / y));
}
