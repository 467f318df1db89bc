using System.CommandLine;
using IpHelper.Cli.Help;
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
        return command.WithExamples("iphelper path list", "iphelper path show 198.51.100.2 -i eth0", "iphelper path flush --family ipv6");
    }

    private static Command List()
    {
        var iface = InterfaceArgument.CreateOption("Only the paths through this interface");
        var command = new Command("list", "Every path entry (GetIpPathTable).") { iface };
        command.WithExamples("iphelper path list", "iphelper path list --family ipv4 --json", "iphelper path list -i eth0");
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.ResolveOptional(parse, iface);
            var status = NetIo.GetIpPathTable(GlobalOptions.AddressFamilyOf(parse), out var table);
            if (status != NetIoStatus.NotFound) CommandRunner.Check(status);
            using (table)
            {
                var rows = Array.FindAll(table!.AsSpan().ToArray(), r => luid is null || r.InterfaceLuid == luid);
                if (parse.GetValue(GlobalOptions.Json)) PathRowOutput.WriteJsonArray(rows);
                else PathRowOutput.WriteTable(Console.Out, rows);
            }
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var destination = new Argument<string>("destination") { Description = "The destination IPv4 or IPv6 address" };
        var iface = InterfaceArgument.CreateOption("The interface of the path", required: true);
        var source = new Option<string?>("--source", "-s") { Description = "Only the path from this source address", HelpName = "address" };
        var command = new Command("show", "The path entry to one destination (GetIpPathEntry).")
        {
            destination, iface, source,
        };
        command.WithExamples("iphelper path show 198.51.100.2 -i eth0", "iphelper path show 2001:db8::2 -i eth0 --source 2001:db8::1 --json");
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
        var command = new Command("flush", "Forget route exceptions and TCP metrics (FlushIpPathTable).");
        command.WithExamples("iphelper path flush", "iphelper path flush --family ipv6");
        CommandRunner.SetAction(command, parse =>
        {
            CommandRunner.Check(NetIo.FlushIpPathTable(GlobalOptions.AddressFamilyOf(parse)));
            return 0;
        });
        return command;
    }
}
