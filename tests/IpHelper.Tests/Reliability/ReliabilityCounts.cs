using System.Globalization;
using Xunit;

namespace IpHelper.Tests.Reliability;

/// <summary>
/// The counts the reliability tests must show: each is written to the test's output and
/// appended to TestResults/reliability-counts.txt beside the test assembly, one
/// <c>key TAB count TAB detail</c> line per report; .ci/run prints the file, with a total per key,
/// after the test summary. The first report of a test process starts the file afresh.
/// </summary>
internal static class ReliabilityCounts
{
    public const string InputsFuzzed = "inputs fuzzed";
    public const string PropertyCases = "property cases";
    public const string ChangesSurvived = "changes survived";
    public const string DumpsRetried = "dumps retried";
    public const string BadInputCases = "bad-input cases tried";
    public const string LeakCycles = "leak cycles";

    private static readonly Lock s_lock = new();
    private static bool s_started;

    /// <summary>The file the counts go to.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "TestResults", "reliability-counts.txt");

    /// <summary>Records <paramref name="count"/> under <paramref name="key"/>, with <paramref name="detail"/> saying what was counted.</summary>
    public static void Report(string key, long count, string detail)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(detail);
        TestContext.Current.SendDiagnosticMessage(detail);
        var line = string.Create(CultureInfo.InvariantCulture, $"{key}\t{count}\t{detail.ReplaceLineEndings(" ")}\n");
        lock (s_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            if (s_started) File.AppendAllText(FilePath, line);
            else File.WriteAllText(FilePath, line);
            s_started = true;
        }
    }
}
