using System.CommandLine;
using IpHelper.Cli.Output;

namespace IpHelper.Cli;

/// <summary>
/// Runs a command body inside the namespace named by --netns and turns failures into the exit code
/// and the stderr line that scripts rely on: the status name and code, then the reason.
/// </summary>
internal static class CommandRunner
{
    /// <summary>The exit code of a call that failed: the status is on stderr.</summary>
    public const int ExitFailure = 1;

    /// <summary>The exit code of a command line that is wrong (unknown verb or option, unreadable argument).</summary>
    public const int ExitUsage = 2;

    /// <summary>
    /// The exit code of a streamed list whose table changed under it after rows were printed: every row was
    /// written, but a route may be missing or repeated (stderr says so). `ip` prints the same warning and exits 0.
    /// </summary>
    public const int ExitInterrupted = 3;

    public static void SetAction(Command command, Func<ParseResult, int> body) =>
        command.SetAction(parse => Run(parse, body));

    private static int Run(ParseResult parse, Func<ParseResult, int> body)
    {
        NetNamespaceScope? scope = null;
        try
        {
            TableWidth.Current = TableWidth.For(parse.GetValue(GlobalOptions.Wide));
            scope = GlobalOptions.EnterNamespace(parse);
            return body(parse);
        }
        catch (NetIoException e)
        {
            return Report(e.Detail);
        }
        catch (CliException e)
        {
            return ReportUsage(e.Message);
        }
        finally
        {
            scope?.Dispose();
        }
    }

    /// <summary>Prints a failed status with its reason to stderr and returns the failure exit code.</summary>
    public static int Report(NetIoErrorDetail detail)
    {
        Console.Error.WriteLine($"iphelper: {detail}");
        return ExitFailure;
    }

    /// <summary>Warns on stderr that the <paramref name="table"/> changed during a streamed listing and returns <see cref="ExitInterrupted"/>.</summary>
    public static int ReportInterrupted(string table)
    {
        Console.Error.WriteLine($"iphelper: warning: the {table} changed while it was listed: a row may be missing or repeated (list again for a consistent table)");
        return ExitInterrupted;
    }

    /// <summary>Prints a bad command line as an InvalidParameter failure and returns the usage exit code.</summary>
    public static int ReportUsage(string reason)
    {
        Console.Error.WriteLine($"iphelper: {new NetIoErrorDetail(NetIoStatus.InvalidParameter, 0, null, null, reason)}");
        return ExitUsage;
    }

    /// <summary>Reports <paramref name="status"/> (with <see cref="NetIo.LastErrorDetail"/>) unless it is Success.</summary>
    public static void Check(NetIoStatus status)
    {
        if (status == NetIoStatus.Success) return;
        var detail = NetIo.LastErrorDetail is { } last && last.Status == status
            ? last
            : new NetIoErrorDetail(status, 0, null, null, status.ToString());
        throw new NetIoException(detail);
    }
}

/// <summary>A usage problem found by the CLI itself (an argument that names nothing, say).</summary>
internal sealed class CliException(string message) : Exception(message);
