using System.CommandLine;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper neighbor list | show | add | set | delete | flush | resolve`: GetIpNetTable2, GetIpNetEntry2,
/// CreateIpNetEntry2, SetIpNetEntry2, DeleteIpNetEntry2, FlushIpNetTable2, ResolveIpNetEntry2.
/// </summary>
internal static class NeighborCommands
{
    public static Command Create()
    {
        var command = new Command("neighbor", "The neighbour cache, ARP and NDP (MIB_IPNET_ROW2): Get/Create/Set/Delete/Resolve IpNetEntry2, FlushIpNetTable2");
        command.Aliases.Add("neigh");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Write("add", "Add a neighbour entry (CreateIpNetEntry2) and print it, like New-NetNeighbor.", create: true)
            .WithExamples("iphelper neighbor add 192.0.2.7 -i eth0 --lladdr 02:00:5e:00:00:07", "iphelper neighbor add 2001:db8::7 -i eth0 --lladdr 02:00:5e:00:00:07 --router --json"));
        command.Subcommands.Add(Write("set", "Change the link-layer address, state or router flag of an entry (SetIpNetEntry2) and print it afterwards.", create: false)
            .WithExamples("iphelper neighbor set 192.0.2.7 -i eth0 --lladdr 02:00:5e:00:00:08", "iphelper neighbor set 192.0.2.7 -i eth0 --lladdr 02:00:5e:00:00:08 --state stale"));
        command.Subcommands.Add(Delete());
        command.Subcommands.Add(Flush());
        command.Subcommands.Add(Resolve());
        return command.WithExamples("iphelper neighbor list -i eth0", "iphelper neighbor add 192.0.2.7 -i eth0 --lladdr 02:00:5e:00:00:07",
            "iphelper neighbor resolve 192.0.2.1 -i eth0");
    }

    private static Argument<string> AddressArgument() => new("address") { Description = "The neighbour's IPv4 or IPv6 address" };

    private static Command List()
    {
        var iface = InterfaceArgument.CreateOption("Only the entries of this interface");
        var command = new Command("list", "Every neighbour entry (GetIpNetTable2), like Get-NetNeighbor.") { iface };
        command.WithExamples("iphelper neighbor list", "iphelper neighbor list --family ipv6 --json", "iphelper neighbor list -i eth0");
        CommandRunner.SetAction(command, parse =>
        {
            var index = OptionalIndex(parse, iface);
            MibTable<MibIpNetRow2>? table;
            NetIoStatus status;
            using (Progress.Spinner(parse, "reading neighbours")) status = NetIo.GetIpNetTable2(GlobalOptions.AddressFamilyOf(parse), out table);
            if (status != NetIoStatus.NotFound) CommandRunner.Check(status);
            using (table)
            {
                var rows = table!.AsSpan().ToArray().Where(r => index == 0 || r.InterfaceIndex == index).ToArray();
                if (parse.GetValue(GlobalOptions.Json)) NeighborRowOutput.WriteJsonArray(rows);
                else NeighborRowOutput.WriteTable(Console.Out, rows);
            }
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var address = AddressArgument();
        var iface = InterfaceArgument.CreateOption("The interface of the entry", required: true);
        var command = new Command("show", "One neighbour entry (GetIpNetEntry2).") { address, iface };
        command.WithExamples("iphelper neighbor show 192.0.2.1 -i eth0", "iphelper neighbor show fe80::1 -i eth0 --json");
        CommandRunner.SetAction(command, parse =>
        {
            var row = Row(parse, address, iface);
            CommandRunner.Check(NetIo.GetIpNetEntry2(ref row));
            Print(parse, row);
            return 0;
        });
        return command;
    }

    private static Command Write(string name, string description, bool create)
    {
        var address = AddressArgument();
        var iface = InterfaceArgument.CreateOption("The interface of the entry", required: true);
        var lladdr = new Option<string>("--lladdr", "--link-layer-address")
        {
            Description = "The link-layer address, e.g. 02:00:5e:00:00:07",
            HelpName = "mac",
            Required = true,
        };
        var state = new Option<string>("--state")
        {
            Description = "permanent (default), reachable, stale, delay or probe",
            DefaultValueFactory = _ => "permanent",
        };
        state.AcceptOnlyFromAmong("permanent", "reachable", "stale", "delay", "probe");
        var router = new Option<bool>("--router") { Description = "Mark the neighbour as a router (IsRouter)" };
        var command = new Command(name, description) { address, iface, lladdr, state, router };
        CommandRunner.SetAction(command, parse =>
        {
            var row = Row(parse, address, iface);
            row.SetPhysicalAddress(NeighborPathArguments.Mac(parse.GetValue(lladdr)!));
            row.State = parse.GetValue(state) switch
            {
                "reachable" => NlNeighborState.NlnsReachable,
                "stale" => NlNeighborState.NlnsStale,
                "delay" => NlNeighborState.NlnsDelay,
                "probe" => NlNeighborState.NlnsProbe,
                _ => NlNeighborState.NlnsPermanent,
            };
            row.IsRouter = parse.GetValue(router);
            CommandRunner.Check(create ? NetIo.CreateIpNetEntry2(row) : NetIo.SetIpNetEntry2(ref row));
            CommandRunner.Check(NetIo.GetIpNetEntry2(ref row));
            Print(parse, row);
            return 0;
        });
        return command;
    }

    private static Command Delete()
    {
        var address = AddressArgument();
        var iface = InterfaceArgument.CreateOption("The interface of the entry", required: true);
        var command = new Command("delete", "Delete a neighbour entry (DeleteIpNetEntry2).") { address, iface };
        command.WithExamples("iphelper neighbor delete 192.0.2.7 -i eth0");
        command.Aliases.Add("del");
        CommandRunner.SetAction(command, parse =>
        {
            var row = Row(parse, address, iface);
            CommandRunner.Check(NetIo.DeleteIpNetEntry2(row));
            return 0;
        });
        return command;
    }

    private static Command Flush()
    {
        var iface = InterfaceArgument.CreateOption("Only the entries of this interface");
        var command = new Command("flush", "Delete the dynamic entries (FlushIpNetTable2); permanent entries stay.") { iface };
        command.WithExamples("iphelper neighbor flush", "iphelper neighbor flush -i eth0 --family ipv4");
        CommandRunner.SetAction(command, parse =>
        {
            CommandRunner.Check(NetIo.FlushIpNetTable2(GlobalOptions.AddressFamilyOf(parse), OptionalIndex(parse, iface)));
            return 0;
        });
        return command;
    }

    private static Command Resolve()
    {
        var address = AddressArgument();
        var iface = InterfaceArgument.CreateOption("The interface to resolve on (default: the one the route to the address uses)");
        var source = new Option<string?>("--source", "-s") { Description = "A local address: resolve on the interface that owns it", HelpName = "address" };
        var command = new Command("resolve", "Send ARP / Neighbor Solicitation now and wait for the answer (ResolveIpNetEntry2); prints the entry.")
        {
            address, iface, source,
        };
        command.WithExamples("iphelper neighbor resolve 192.0.2.1 -i eth0", "iphelper neighbor resolve 2001:db8::1 --source 2001:db8::10 --json");
        CommandRunner.SetAction(command, parse =>
        {
            var row = new MibIpNetRow2 { Address = NeighborPathArguments.Address(parse.GetValue(address)!, "address") };
            if (parse.GetValue(iface) is { } text) row.InterfaceLuid = InterfaceArgument.Resolve(text);
            var from = parse.GetValue(source) is { } s ? NeighborPathArguments.Address(s, "source") : default;
            CommandRunner.Check(NetIo.ResolveIpNetEntry2(ref row, from));
            Print(parse, row);
            return 0;
        });
        return command;
    }

    /// <summary>The index of the --interface given, or 0 (all interfaces) without one.</summary>
    private static uint OptionalIndex(ParseResult parse, Option<string> iface)
    {
        if (parse.GetValue(iface) is not { } text) return 0;
        CommandRunner.Check(NetIo.ConvertInterfaceLuidToIndex(InterfaceArgument.Resolve(text), out var index));
        return index;
    }

    private static MibIpNetRow2 Row(ParseResult parse, Argument<string> address, Option<string> iface) => new()
    {
        Address = NeighborPathArguments.Address(parse.GetValue(address)!, "address"),
        InterfaceLuid = InterfaceArgument.Resolve(parse.GetValue(iface)!),
    };

    private static void Print(ParseResult parse, in MibIpNetRow2 row)
    {
        if (parse.GetValue(GlobalOptions.Json)) NeighborRowOutput.WriteJsonArray([row]);
        else NeighborRowOutput.WriteTable(Console.Out, [row]);
    }
}
