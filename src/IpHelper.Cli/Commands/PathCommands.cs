using System.CommandLine;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper path list | show | flush`: GetIpPathTable, GetIpPathEntry, FlushIpPathTable.</summary>
internal static class PathCommands
{
    public static Command Create()
    {
        var command = new Command("path", "What the stack knows per destination (MIB_IPPATH_ROW): route exceptions (PMTU, redirects) and TCP RTT estimates");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Flush());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every path entry (GetIpPathTable).\nExample: iphelper path list --json");
        CommandRunner.SetAction(command, parse =>
        {
            var status = NetIo.GetIpPathTable(GlobalOptions.AddressFamilyOf(parse), out var table);
            if (status != NetIoStatus.NotFound) CommandRunner.Check(status);
            using (table)
            {
                if (parse.GetValue(GlobalOptions.Json)) PathRowOutput.WriteJsonArray(table!.AsSpan());
                else PathRowOutput.WriteTable(Console.Out, table!.AsSpan());
            }
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var destination = new Argument<string>("destination") { Description = "The destination IPv4 or IPv6 address" };
        var iface = new Option<string>("--interface", "-i")
        {
            Description = "Interface: name, Windows-style name, index, LUID value or GUID",
            Required = true,
        };
        var source = new Option<string?>("--source", "-s") { Description = "Only the path from this source address" };
        var command = new Command("show", "The path entry to one destination (GetIpPathEntry).\nExample: iphelper path show 198.51.100.2 --interface eth0")
        {
            destination, iface, source,
        };
        CommandRunner.SetAction(command, parse =>
        {
            var row = new MibIpPathRow
            {
                Destination = NeighborPathArguments.Address(parse.GetValue(destination)!, "destination"),
                InterfaceLuid = InterfaceArgument.Resolve(parse.GetValue(iface)!),
            };
            if (parse.GetValue(source) is { } s) row.Source = NeighborPathArguments.Address(s, "source");
            CommandRunner.Check(NetIo.GetIpPathEntry(ref row));
            if (parse.GetValue(GlobalOptions.Json)) PathRowOutput.WriteJsonArray([row]);
            else PathRowOutput.WriteTable(Console.Out, [row]);
            return 0;
        });
        return command;
    }

    private static Command Flush()
    {
        var command = new Command("flush", "Forget route exceptions and TCP metrics (FlushIpPathTable).\nExample: iphelper path flush --family ipv6");
        CommandRunner.SetAction(command, parse =>
        {
            CommandRunner.Check(NetIo.FlushIpPathTable(GlobalOptions.AddressFamilyOf(parse)));
            return 0;
        });
        return command;
    }
}
