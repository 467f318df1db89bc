using System.Globalization;

namespace IpHelper.Bench.Infrastructure;

/// <summary>Prints measurements and target checks in one aligned format, and remembers whether all targets were met.</summary>
internal sealed class Report
{
    public bool AllMet { get; private set; } = true;

    public static void Line(string what, string value) => Console.WriteLine($"  {what,-44} {value}");

    /// <summary>Prints a ratio against its target; <paramref name="atMost"/> says whether the target is an upper bound.</summary>
    public void Target(string what, double ratio, double target, bool atMost, string unit = "x")
    {
        var met = atMost ? ratio <= target : ratio >= target;
        AllMet &= met;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-44} {ratio,8:0.00}{unit}  target {(atMost ? "<=" : ">=")} {target:0.##}{unit}  {(met ? "MET" : "NOT MET")}"));
    }

    public static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds,9:0.0} ms");

    public static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
