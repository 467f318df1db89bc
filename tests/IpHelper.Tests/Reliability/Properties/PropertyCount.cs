namespace IpHelper.Tests.Reliability.Properties;

/// <summary>Counts the cases a CsCheck property ran (it samples on several threads) and prints the total.</summary>
internal sealed class PropertyCount(string property)
{
    private long _cases;

    public void Add() => Interlocked.Increment(ref _cases);

    public void Report()
    {
        var cases = Interlocked.Read(ref _cases);
        ReliabilityCounts.Report(ReliabilityCounts.PropertyCases, cases, $"{property}: {cases} cases");
    }
}
