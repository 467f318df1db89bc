using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper route add --batch FILE`: reads a <see cref="RouteBatchFile"/> line by line and creates its
/// routes with CreateIpForwardEntries2, a chunk at a time, so memory stays flat however long the input,
/// a terminal shows routes done (of the total, for a file) and the rate, and SIGINT or SIGTERM stop
/// it between chunks with an exact account: how many routes were created and the line to resume at.
/// </summary>
internal static class RouteBatchAdd
{
    /// <summary>Routes per CreateIpForwardEntries2 call: large enough that chunking costs nothing measurable, small enough for a live count and a prompt stop.</summary>
    private const int Chunk = 4096;

    /// <summary>Failed lines kept for the report; later ones are only counted (a runaway input cannot fill memory).</summary>
    internal const int KeptFailures = 100;

    public static int Run(ParseResult parse, string file, RouteBatchFile parser)
    {
        var total = file == "-" ? (long?)null : CountRoutes(file);
        using var reader = Open(file);
        using var stop = new StopSignal();
        var failures = new List<(int Line, NetIoErrorDetail Error)>();
        var failed = 0;
        var created = 0L;
        var lineNumber = 0;
        var rows = new List<MibIpForwardRow2>(Chunk);
        var rowLines = new List<int>(Chunk);
        var chunkFailures = new List<(int Line, NetIoErrorDetail Error)>();
        var results = new NetIoErrorDetail?[Chunk];
        using (var progress = Progress.Counter(parse, "routes"))
        {
            var done = false;
            while (!done)
            {
                var line = ReadLine(reader, file);
                if (line is null) done = true;
                else
                {
                    lineNumber++;
                    switch (parser.ParseLine(line))
                    {
                        case (_, { } error):
                            chunkFailures.Add((lineNumber, error));
                            break;
                        case ({ } row, null):
                            rows.Add(row);
                            rowLines.Add(lineNumber);
                            break;
                    }
                }
                if (rows.Count < Chunk && chunkFailures.Count < Chunk && !done && !stop.Requested) continue;
                var status = NetIo.CreateIpForwardEntries2(CollectionsMarshal.AsSpan(rows), results.AsSpan(0, rows.Count));
                if (status != NetIoStatus.Success && results.AsSpan(0, rows.Count).IndexOfAnyExcept((NetIoErrorDetail?)null) < 0) CommandRunner.Check(status);
                var refused = 0;
                for (var i = 0; i < rows.Count; i++)
                {
                    if (results[i] is not { } error) continue;
                    chunkFailures.Add((rowLines[i], Explain(error, rows[i])));
                    refused++;
                }
                created += rows.Count - refused;
                chunkFailures.Sort((a, b) => a.Line.CompareTo(b.Line));
                failed += chunkFailures.Count;
                foreach (var failure in chunkFailures)
                    if (failures.Count < KeptFailures) failures.Add(failure);
                rows.Clear();
                rowLines.Clear();
                chunkFailures.Clear();
                progress.Report(created + failed, total ?? created + failed);
                if (stop.Requested) break;
            }
        }
        if (parse.GetValue(GlobalOptions.Json)) WriteJson(created, failed, failures, stop.Requested ? lineNumber : null);
        else Console.WriteLine($"created {created} of {created + failed} routes");
        StandardStreams.Flush();
        foreach (var (line, error) in failures) Console.Error.WriteLine($"iphelper: line {line}: {error}");
        if (failed > failures.Count) Console.Error.WriteLine($"iphelper: {failed - failures.Count} more lines failed (only the first {KeptFailures} are listed)");
        if (stop.Requested)
        {
            var source = file == "-" ? "the rest of stdin" : $"tail -n +{lineNumber + 1} {file} | iphelper route add --batch -";
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"iphelper: stopped by {stop.Signal} after line {lineNumber}: {created} routes created; line {lineNumber + 1} onwards was not read ({source})"));
            return 128 + stop.Number;
        }
        return failed == 0 ? 0 : CommandRunner.ExitFailure;
    }

    /// <summary>A duplicate said as the single `route add` says it, instead of the bare RTM_NEWROUTE EEXIST of the batched request.</summary>
    private static NetIoErrorDetail Explain(NetIoErrorDetail error, in MibIpForwardRow2 row) =>
        error.Status == NetIoStatus.ObjectAlreadyExists
            ? error with { Message = $"a route to {row.DestinationPrefix} via {row.NextHop} exists on that interface" }
            : error;

    private static TextReader Open(string file)
    {
        if (file == "-") return StandardStreams.OpenInput();
        try
        {
            return new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw Unreadable(file, e);
        }
    }

    private static string? ReadLine(TextReader reader, string file)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(file, e);
        }
    }

    /// <summary>The number of route lines of a file, for "done/total" progress.</summary>
    private static long CountRoutes(string file)
    {
        try
        {
            return File.ReadLines(file).LongCount(RouteBatchFile.IsRouteLine);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw Unreadable(file, e);
        }
    }

    private static CliException Unreadable(string file, Exception e) => new(e switch
    {
        ArgumentException => "--batch needs a file name, or '-' for stdin",
        UnauthorizedAccessException when Directory.Exists(file) => $"cannot read the batch file '{file}': it is a directory",
        _ when Directory.Exists(file) => $"cannot read the batch file '{file}': it is a directory",
        FileNotFoundException or DirectoryNotFoundException => $"cannot read the batch file '{file}': no such file",
        _ => $"cannot read the batch file '{file}': {e.Message}",
    });

    private static void WriteJson(long created, int failed, List<(int Line, NetIoErrorDetail Error)> failures, int? stoppedAfterLine)
    {
        using var json = new JsonOutput();
        var w = json.Writer;
        w.WriteStartObject();
        w.WriteNumber("Created", created);
        w.WriteStartArray("Failed");
        foreach (var (number, error) in failures)
        {
            w.WriteStartObject();
            w.WriteNumber("Line", number);
            w.WriteString("Status", error.Status.ToString());
            w.WriteNumber("Code", (uint)error.Status);
            w.WriteString("Message", error.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (failed > failures.Count) w.WriteNumber("FailedCount", failed);
        if (stoppedAfterLine is { } line) w.WriteNumber("StoppedAfterLine", line);
        w.WriteEndObject();
    }

    /// <summary>SIGINT and SIGTERM while the batch runs: recorded instead of ending the process, so the batch stops between chunks and reports.</summary>
    private sealed class StopSignal : IDisposable
    {
        private readonly PosixSignalRegistration _interrupt;
        private readonly PosixSignalRegistration _terminate;
        private volatile string? _signal;

        public StopSignal()
        {
            _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        }

        public bool Requested => _signal is not null;

        public string Signal => _signal ?? "";

        /// <summary>The signal's number (2 or 15), for the exit code 128 + number that shells expect.</summary>
        public int Number => _signal == "SIGINT" ? 2 : 15;

        private void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            _signal ??= context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        }

        public void Dispose()
        {
            _interrupt.Dispose();
            _terminate.Dispose();
        }
    }
}
