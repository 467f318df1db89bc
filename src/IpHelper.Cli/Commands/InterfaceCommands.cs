using System.CommandLine;
using System.Globalization;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper interface list | show IF | stack`: GetIfTable2, GetIfEntry2, GetIfStackTable.</summary>
internal static class InterfaceCommands
{
    public static Command Create()
    {
        var command = new Command("interface", "Network interfaces (MIB_IF_ROW2): GetIfTable2, GetIfEntry2, GetIfStackTable");
        command.Aliases.Add("if");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Stack());
        return command.WithExamples("iphelper interface list", "iphelper interface show eth0", "iphelper interface stack");
    }

    private static Command List()
    {
        var noStats = new Option<bool>("--no-statistics") { Description = "Skip the counters (GetIfTable2Ex with MibIfTableNormalWithoutStatistics)" };
        var command = new Command("list", "Every interface (GetIfTable2), like Get-NetAdapter.") { noStats };
        command.WithExamples("iphelper interface list", "iphelper interface list --no-statistics --json --netns blue");
        CommandRunner.SetAction(command, parse =>
        {
            var level = parse.GetValue(noStats) ? MibIfTableLevel.MibIfTableNormalWithoutStatistics : MibIfTableLevel.MibIfTableNormal;
            MibTable<MibIfRow2>? table;
            using (Progress.Spinner(parse, "reading interfaces")) CommandRunner.Check(NetIo.GetIfTable2Ex(level, out table));
            using (table)
            {
                if (parse.GetValue(GlobalOptions.Json))
                {
                    using var json = new IfJsonText();
                    foreach (ref readonly var row in table!.AsSpan()) json.Write(row);
                }
                else IfRowOutput.WriteTable(Console.Out, table!.AsSpan());
            }
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var target = InterfaceArgument.CreateArgument();
        var command = new Command("show", "One interface with every MIB_IF_ROW2 field (GetIfEntry2), like Get-NetAdapter | Format-List.") { target };
        command.WithExamples("iphelper interface show eth0", "iphelper interface show 2 --json  # by index", "iphelper interface show ethernet_2  # by Windows-style name");
        CommandRunner.SetAction(command, parse =>
        {
            var row = new MibIfRow2 { InterfaceLuid = InterfaceArgument.Resolve(parse.GetValue(target)!) };
            CommandRunner.Check(NetIo.GetIfEntry2(ref row));
            if (parse.GetValue(GlobalOptions.Json))
            {
                using var json = new JsonOutput();
                json.Writer.WriteStartArray();
                IfRowOutput.WriteJson(json, row);
                json.Writer.WriteEndArray();
            }
            else IfRowOutput.WriteList(Console.Out, row);
            return 0;
        });
        return command;
    }

    private static Command Stack()
    {
        var inverted = new Option<bool>("--inverted") { Description = "Lower layer first (GetInvertedIfStackTable)" };
        var command = new Command("stack", "Which interface sits on which (GetIfStackTable): bridge ports, macvlan, vxlan, tunnels.") { inverted };
        command.WithExamples("iphelper interface stack", "iphelper interface stack --inverted --json  # GetInvertedIfStackTable");
        CommandRunner.SetAction(command, parse =>
        {
            var names = InterfaceAliases.All();
            var rows = new List<(uint Higher, uint Lower)>();
            if (parse.GetValue(inverted))
            {
                CommandRunner.Check(NetIo.GetInvertedIfStackTable(out var table));
                using (table) foreach (var row in table!) rows.Add((row.HigherLayerInterfaceIndex, row.LowerLayerInterfaceIndex));
            }
            else
            {
                CommandRunner.Check(NetIo.GetIfStackTable(out var table));
                using (table) foreach (var row in table!) rows.Add((row.HigherLayerInterfaceIndex, row.LowerLayerInterfaceIndex));
            }
            if (parse.GetValue(GlobalOptions.Json))
            {
                using var json = new JsonOutput();
                json.Writer.WriteStartArray();
                foreach (var (higher, lower) in rows)
                {
                    json.Writer.WriteStartObject();
                    json.Writer.WriteNumber("HigherLayerInterfaceIndex", higher);
                    json.Writer.WriteNumber("LowerLayerInterfaceIndex", lower);
                    json.Writer.WriteEndObject();
                }
                json.Writer.WriteEndArray();
                return 0;
            }
            var text = new TextTable("HigherLayerIfIndex", "HigherLayerName", "LowerLayerIfIndex", "LowerLayerName");
            foreach (var (higher, lower) in rows)
                text.Add(higher.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(higher, ""),
                    lower.ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(lower, ""));
            text.Write(Console.Out);
            return 0;
        });
        return command;
    }
}
