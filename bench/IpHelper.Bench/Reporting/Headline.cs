using System.Globalization;
using System.Text.Json;
using IpHelper.Bench.Infrastructure;

namespace IpHelper.Bench.Reporting;

/// <summary>
/// A headline figure: a ratio against a peer (median of alternating rounds, with min and max), kept
/// machine-readable in docs/performance-headline.json beside the report, so that <c>run-all.sh --check</c>
/// can rerun the same rows and fail when one drifts.
/// </summary>
internal sealed record Headline(string Key, string What, Spread Ratio)
{
    public const string FileName = "performance-headline.json";

    /// <summary>How far a rerun ratio may move from the committed one before <c>--check</c> fails.</summary>
    public const double Tolerance = 0.15;

    public static void Write(string path, IEnumerable<Headline> headlines, string machine, string command, ReportOptions options)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("machine", machine);
        json.WriteString("command", command);
        json.WriteNumber("tolerance", Tolerance);
        json.WriteNumber("largest", options.LargestSize);
        json.WriteNumber("ipv6_size", options.Ipv6Size);
        json.WriteNumber("insert", options.Insert);
        json.WriteNumber("rounds", options.Rounds);
        json.WriteString("shapes", string.Join(',', options.Shapes));
        json.WriteStartArray("figures");
        foreach (var h in headlines)
        {
            json.WriteStartObject();
            json.WriteString("key", h.Key);
            json.WriteString("what", h.What);
            json.WriteNumber("ratio", Math.Round(h.Ratio.Median, 4));
            json.WriteNumber("min", Math.Round(h.Ratio.Min, 4));
            json.WriteNumber("max", Math.Round(h.Ratio.Max, 4));
            json.WriteNumber("rounds", h.Ratio.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><paramref name="options"/> with the table sizes, rounds and shapes of the committed run, so a check reruns the same rows.</summary>
    public static ReportOptions Options(string path, ReportOptions options)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        return options with
        {
            Sizes = [root.GetProperty("largest").GetInt32()],
            Ipv6Size = root.GetProperty("ipv6_size").GetInt32(),
            Insert = root.GetProperty("insert").GetInt32(),
            Rounds = root.GetProperty("rounds").GetInt32(),
            Shapes = root.GetProperty("shapes").GetString()!.Split(','),
        };
    }

    /// <summary>The committed ratios by key.</summary>
    public static Dictionary<string, double> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("figures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("ratio").GetDouble());
    }

    /// <summary>Compares rerun figures with the committed ones; prints each and returns false when any drifted more than <see cref="Tolerance"/>.</summary>
    public static bool Check(string path, IEnumerable<Headline> rerun)
    {
        var committed = Read(path);
        var ok = true;
        foreach (var h in rerun)
        {
            if (!committed.TryGetValue(h.Key, out var value))
            {
                Console.WriteLine($"check: {h.Key}: no committed value in {path}");
                ok = false;
                continue;
            }
            var drift = h.Ratio.Median / value - 1;
            var within = Math.Abs(drift) <= Tolerance;
            ok &= within;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"check: {h.Key,-24} committed {value:0.000}x, now {h.Ratio.Format("0.000", "x")}, drift {drift:+0.0%;-0.0%} {(within ? "ok" : "DRIFTED (more than 15%)")}"));
        }
        return ok;
    }
}
