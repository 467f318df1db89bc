using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace IpHelper.Cli.Output;

/// <summary>
/// A one-line progress display on stderr for long operations: a count with a rate (batch writes) or a
/// spinner with the elapsed time (big dumps). Shown only when stderr is a terminal and --json is off;
/// otherwise every call does nothing, so pipes, files and scripts never see it. Disposing erases the line.
/// </summary>
internal sealed class Progress : IDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_spinnerDelay = TimeSpan.FromMilliseconds(300);
    private const string Frames = "|/-\\";

    private readonly string _what;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly Timer? _spinner;
    private TimeSpan? _lastDraw;
    private int _frame;
    private bool _drawn;
    private bool _disposed;

    private Progress(string what, bool enabled, bool spin)
    {
        _what = what;
        _enabled = enabled;
        if (enabled && spin) _spinner = new Timer(_ => Spin(), null, s_spinnerDelay, s_interval);
    }

    /// <summary>Whether progress is shown for this command line: stderr is a terminal and --json is off.</summary>
    public static bool Enabled(ParseResult parse) => !parse.GetValue(GlobalOptions.Json) && !Console.IsErrorRedirected;

    /// <summary>A spinner for an operation whose size is unknown until it ends ("reading routes").</summary>
    public static Progress Spinner(ParseResult parse, string what) => new(what, Enabled(parse), spin: true);

    /// <summary>A counter for <paramref name="what"/> ("routes"), drawn by <see cref="Report"/>.</summary>
    public static Progress Counter(ParseResult parse, string what) => new(what, Enabled(parse), spin: false);

    /// <summary>Shows "done/total what, rate/s"; redrawn at most ten times a second, and always for the last item.</summary>
    public void Report(long done, long total)
    {
        if (!_enabled) return;
        lock (_lock)
        {
            var now = _clock.Elapsed;
            if (_disposed || (done < total && _lastDraw is { } last && now - last < s_interval)) return;
            _lastDraw = now;
            var rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
            Draw(string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} {_what}, {rate:N0}/s"));
        }
    }

    private void Spin()
    {
        lock (_lock)
        {
            if (_disposed) return;
            var frame = Frames[_frame++ % Frames.Length];
            Draw(string.Create(CultureInfo.InvariantCulture, $"{_what} {frame} {_clock.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    private void Draw(string line)
    {
        Console.Error.Write($"\r\u001b[K{line}");
        Console.Error.Flush();
        _drawn = true;
    }

    public void Dispose()
    {
        _spinner?.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            if (_drawn) Console.Error.Write("\r\u001b[K");
        }
    }
}
