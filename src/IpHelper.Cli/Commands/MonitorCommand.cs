using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper monitor [TABLE...]`: streams change notifications until Ctrl-C, as JSON lines
/// ({"Table": ..., "NotificationType": ..., "Row": {...}}) or as a human log.
/// </summary>
internal static class MonitorCommand
{
    private static readonly Dictionary<string, Func<MonitorWriter, AddressFamily, CancellationToken, Task>> s_tables = new()
    {
        ["interfaces"] = (writer, _, token) => Pump(NetIo.WatchInterfaceChanges(token), "Interface", writer, (json, row) => IfRowOutput.WriteJson(json, row),
            row => $"{row.Alias} (ifIndex {row.InterfaceIndex}) {Text.EnumName(row.OperStatus, "IfOperStatus")} mtu {row.Mtu}"),
        ["ipinterfaces"] = (writer, family, token) => Pump(NetIo.WatchIpInterfaceChanges(family, token), "IpInterface", writer,
            (json, row) => IpInterfaceRowOutput.WriteJson(json, row),
            row => $"{(row.Family == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4" : "IPv6")} ifIndex {row.InterfaceIndex} mtu {row.NlMtu} forwarding {row.ForwardingEnabled}"),
        ["routes"] = (writer, family, token) => Pump(NetIo.WatchRouteChanges(family, token), "Route", writer,
            (json, row) => RouteRowOutput.WriteJson(json, row),
            row => $"{row.DestinationPrefix} via {(row.NextHop.IsUnspecified ? "on-link" : row.NextHop.ToString())} ifIndex {row.InterfaceIndex} metric {row.Metric}"),
        ["addresses"] = (writer, family, token) => Pump(NetIo.WatchUnicastIpAddressChanges(family, token), "UnicastAddress", writer,
            (json, row) => UnicastRowOutput.WriteJson(json, row),
            row => $"{row.Address} ifIndex {row.InterfaceIndex} {Text.EnumName(row.DadState, "IpDadState")} valid {row.ValidLifetime} preferred {row.PreferredLifetime}"),
        ["stable"] = Stable,
        ["teredo"] = (writer, _, token) => Teredo(writer, token),
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
            "Stream change notifications until Ctrl-C (the Notify* functions). --json prints one JSON object per line: "
            + "{\"Table\": ..., \"NotificationType\": ..., \"Row\": {...}}, and nothing else, also when stopped by Ctrl-C or SIGTERM; "
            + "when notifications were dropped (a kernel overflow, a slow reader) a record {\"NotificationType\": \"Resync\", \"Row\": null} "
            + "comes first, then the differences from the re-read table.") { tables };
        command.WithExamples("iphelper monitor  # every table", "iphelper monitor routes addresses --family ipv6",
            "iphelper monitor interfaces --json --netns blue", "iphelper monitor stable --json  # once no address is tentative");
        command.SetAction(async (parse, token) =>
        {
            NetNamespaceScope? scope = null;
            try
            {
                scope = GlobalOptions.EnterNamespace(parse);
                var chosen = parse.GetValue(tables) is { Length: > 0 } names ? names.Distinct().ToArray() : [.. s_tables.Keys];
                using var writer = new MonitorWriter(parse.GetValue(GlobalOptions.Json));
                var family = GlobalOptions.AddressFamilyOf(parse);
                var pumps = chosen.Select(name => s_tables[name](writer, family, token)).ToArray();
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

    /// <summary>
    /// NotifyStableUnicastIpAddressTable: one "Stable" record per address once no address is tentative
    /// (at once, or when duplicate address detection ends), then this table is done.
    /// </summary>
    private static Task Stable(MonitorWriter writer, AddressFamily family, CancellationToken token)
    {
        var done = new TaskCompletionSource();
        void Write(MibTable<MibUnicastIpAddressRow> table)
        {
            using (table)
                foreach (var row in table)
                    writer.Write("StableUnicastAddress", "Stable", json => UnicastRowOutput.WriteJson(json, row),
                        $"{row.Address} ifIndex {row.InterfaceIndex} {Text.EnumName(row.DadState, "IpDadState")}");
            done.TrySetResult();
        }
        var status = NetIo.NotifyStableUnicastIpAddressTable(family, out var now, (_, table) => Write(table), null, out var handle);
        if (status == NetIoStatus.Success) Write(now!);
        else if (status != NetIoStatus.IoPending) CommandRunner.Check(status);
        token.Register(() =>
        {
            if (handle is not null) NetIo.CancelMibChangeNotify2(handle);
            done.TrySetCanceled(token);
        });
        return done.Task;
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
