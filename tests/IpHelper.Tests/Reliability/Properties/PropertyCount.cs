using Xunit;

namespace IpHelper.Tests.Reliability.Properties;

/// <summary>Counts the cases a CsCheck property ran (it samples on several threads) and prints the total.</summary>
internal sealed class PropertyCount(string property)
{
    private long _cases;

    public void Add() => Interlocked.Increment(ref _cases);

    public void Report()
    {
        var line = $"{property}: {Interlocked.Read(ref _cases)} cases";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
