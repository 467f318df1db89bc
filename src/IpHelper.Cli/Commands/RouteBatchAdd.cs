using System.CommandLine;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper route add --batch FILE`: creates every route of a <see cref="RouteBatchFile"/> with
/// CreateIpForwardEntries2, in chunks so a terminal shows routes done/total and the rate.
/// </summary>
internal static class RouteBatchAdd
{
    /// <summary>Routes per CreateIpForwardEntries2 call: large enough that chunking costs nothing measurable, small enough for a live count.</summary>
    private const int Chunk = 16384;

    public static int Run(ParseResult parse, string file)
    {
        RouteBatchFile routes;
        using (var reader = file == "-" ? Console.In : new StreamReader(file)) routes = RouteBatchFile.Read(reader);
        var rows = routes.Rows.ToArray();
        var results = new NetIoErrorDetail?[rows.Length];
        using (var progress = Progress.Counter(parse, "routes"))
        {
            for (var start = 0; start < rows.Length; start += Chunk)
            {
                var length = Math.Min(Chunk, rows.Length - start);
                var status = NetIo.CreateIpForwardEntries2(rows.AsSpan(start, length), results.AsSpan(start, length));
                if (status != NetIoStatus.Success && results.AsSpan(start, length).ToArray().All(r => r is null)) CommandRunner.Check(status);
                progress.Report(start + length, rows.Length);
            }
        }
        var failures = new List<(int Line, NetIoErrorDetail Error)>(routes.Errors);
        for (var i = 0; i < results.Length; i++)
            if (results[i] is { } error) failures.Add((routes.Lines[i], error));
        failures.Sort((a, b) => a.Line.CompareTo(b.Line));
        var created = rows.Length - results.Count(r => r is not null);
        if (parse.GetValue(GlobalOptions.Json)) WriteJson(created, failures);
        else Console.WriteLine($"created {created} of {rows.Length + routes.Errors.Count} routes");
        foreach (var (line, error) in failures) Console.Error.WriteLine($"iphelper: line {line}: {error}");
        return failures.Count == 0 ? 0 : CommandRunner.ExitFailure;
    }

    private static void WriteJson(int created, List<(int Line, NetIoErrorDetail Error)> failures)
    {
        using var json = new JsonOutput();
        var w = json.Writer;
        w.WriteStartObject();
        w.WriteNumber("Created", created);
        w.WriteStartArray("Failed");
        foreach (var (line, error) in failures)
        {
            w.WriteStartObject();
            w.WriteNumber("Line", line);
            w.WriteString("Status", error.Status.ToString());
            w.WriteNumber("Code", (uint)error.Status);
            w.WriteString("Message", error.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
