using System.Globalization;

namespace IpHelper.Bench.Infrastructure;

/// <summary>The median of repeated measurements with their minimum and maximum, as the report prints them.</summary>
internal readonly record struct Spread(double Median, double Min, double Max, int Count)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) throw new ArgumentException("no values", nameof(values));
        return new Spread(Report.Median([.. list]), list.Min(), list.Max(), list.Count);
    }

    /// <summary>
    /// "MEDIAN (MIN-MAX)" with the given format and unit; "VALUE (1 round)" for a single measurement, and
    /// "MEDIAN (MIN-MAX, N rounds)" when it came from fewer than <paramref name="rounds"/> rounds (a capped peer).
    /// </summary>
    public string Format(string format, string unit = "", int rounds = 0)
    {
        string Text(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        if (Count == 1) return $"{Text(Median)}{unit} (1 round)";
        var capped = Count < rounds ? $", {Count} rounds" : "";
        return $"{Text(Median)}{unit} ({Text(Min)}-{Text(Max)}{capped})";
    }
}
