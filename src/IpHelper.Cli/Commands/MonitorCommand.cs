using System.CommandLine;
using System.Globalization;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper monitor [TABLE...]`: streams change notifications until Ctrl-C, as JSON lines
/// ({"Table": ..., "NotificationType": ..., "Row": {...}}) or as a human log.
/// </summary>
internal static class MonitorCommand
{
    private static readonly Dictionary<string, Func<MonitorWriter, CancellationToken, Task>> s_tables = new()
    {
        ["interfaces"] = (writer, token) => Pump(NetIo.WatchInterfaceChanges(token), "Interface", writer, (json, row) => IfRowOutput.WriteJson(json, row),
            row => $"{row.Alias} (ifIndex {row.InterfaceIndex}) {Text.EnumName(row.OperStatus, "IfOperStatus")} mtu {row.Mtu}"),
        ["teredo"] = (writer, token) => Teredo(writer, token),
    };

    public static Command Create()
    {
        var tables = new Argument<string[]>("table")
        {
            Description = $"What to watch: {string.Join(", ", s_tables.Keys)} (default: all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        tables.AcceptOnlyFromAmong([.. s_tables.Keys]);
        var command = new Command("monitor",
            "Stream change notifications until Ctrl-C (the Notify* functions). --json prints one JSON object per line.\n" +
            "Example: iphelper monitor interfaces --json --netns blue") { tables };
        command.SetAction(async (parse, token) =>
        {
            NetNamespaceScope? scope = null;
            try
            {
                if (parse.GetValue(GlobalOptions.Netns) is { Length: > 0 } netns) scope = NetNamespace.Enter(netns);
                var chosen = parse.GetValue(tables) is { Length: > 0 } names ? names.Distinct().ToArray() : [.. s_tables.Keys];
                using var writer = new MonitorWriter(parse.GetValue(GlobalOptions.Json));
                var pumps = chosen.Select(name => s_tables[name](writer, token)).ToArray();
                await Task.WhenAll(pumps).ConfigureAwait(false);
                return 0;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
            catch (NetIoException e)
            {
                return CommandRunner.Report(e.Detail);
            }
            finally
            {
                scope?.Dispose();
            }
        });
        return command;
    }

    private static async Task Pump<TRow>(IAsyncEnumerable<MibChange<TRow>> changes, string table, MonitorWriter writer,
        Action<JsonOutput, TRow> writeRow, Func<TRow, string> describe) where TRow : struct
    {
        await foreach (var change in changes.ConfigureAwait(false))
            writer.Write(table, change.IsResync ? "Resync" : Text.EnumName(change.NotificationType, "Mib"),
                change.Row is { } row ? json => writeRow(json, row) : null,
                change.Row is { } r ? describe(r) : change.IsResync ? "the kernel dropped notifications: table re-read, differences follow" : "");
    }

    private static Task Teredo(MonitorWriter writer, CancellationToken token)
    {
        var done = new TaskCompletionSource();
        CommandRunner.Check(NetIo.NotifyTeredoPortChange((_, port, type) =>
            writer.Write("Teredo", Text.EnumName(type, "Mib"), json => json.Writer.WriteNumber("Port", port),
                port == 0 ? "no Teredo client" : $"port {port.ToString(CultureInfo.InvariantCulture)}"),
            null, true, out var handle));
        token.Register(() =>
        {
            NetIo.CancelMibChangeNotify2(handle);
            done.TrySetCanceled(token);
        });
        return done.Task;
    }
}
