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

    /// <summary>"MEDIAN (MIN-MAX)" with the given format and unit.</summary>
    public string Format(string format, string unit = "") => string.Create(CultureInfo.InvariantCulture,
        $"{Median.ToString(format, CultureInfo.InvariantCulture)}{unit} ({Min.ToString(format, CultureInfo.InvariantCulture)}-{Max.ToString(format, CultureInfo.InvariantCulture)})");
}
