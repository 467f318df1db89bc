using System.CommandLine;
using System.Runtime.InteropServices;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper anycast list | add ADDR | delete ADDR`: the anycast address functions.</summary>
internal static class AnycastCommands
{
    public static Command Create()
    {
        var command = new Command("anycast", "IPv6 anycast addresses (MIB_ANYCASTIPADDRESS_ROW): GetAnycastIpAddressTable, Create/DeleteAnycastIpAddressEntry");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Delete());
        return command.WithExamples("iphelper anycast list", "iphelper anycast add 2001:db8::99 -i eth0");
    }

    private static Command List()
    {
        var iface = InterfaceArgument.CreateOption("Only the addresses of this interface");
        var command = new Command("list", "Every anycast address of every interface (GetAnycastIpAddressTable).") { iface };
        command.WithExamples("iphelper anycast list", "iphelper anycast list -i eth0 --json");
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.ResolveOptional(parse, iface);
            CommandRunner.Check(NetIo.GetAnycastIpAddressTable(GlobalOptions.AddressFamilyOf(parse), out var table));
            using (table)
                MembershipRowOutput.Write(parse.GetValue(GlobalOptions.Json),
                    table!.Where(r => luid is null || r.InterfaceLuid == luid).Select(r => MembershipRowOutput.Of(r)).ToList());
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var (address, iface) = Arguments();
        var command = new Command("add",
            "Adds an IPv6 anycast address (CreateAnycastIpAddressEntry) and holds it until Ctrl-C or SIGTERM: on Linux an anycast address lives only as long as the process that added it. Prints the address once it is added.")
            { address, iface };
        command.WithExamples("iphelper anycast add 2001:db8::99 -i eth0", "iphelper anycast add 2001:db8::99 -i eth0 --json --netns blue &");
        CommandRunner.SetAction(command, parse =>
        {
            var row = Row(parse, address, iface);
            CommandRunner.Check(NetIo.CreateAnycastIpAddressEntry(row));
            CommandRunner.Check(NetIo.GetAnycastIpAddressEntry(ref row));
            MembershipRowOutput.Write(parse.GetValue(GlobalOptions.Json), [MembershipRowOutput.Of(row)]);
            Console.Out.Flush();
            using var stop = new ManualResetEventSlim();
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Set();
            }
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            Console.Error.WriteLine($"iphelper: anycast {row.Address} held until Ctrl-C or SIGTERM");
            stop.Wait();
            CommandRunner.Check(NetIo.DeleteAnycastIpAddressEntry(row));
            return 0;
        });
        return command;
    }

    private static Command Delete()
    {
        var (address, iface) = Arguments();
        var command = new Command("delete",
            "Removes an anycast address this process added (DeleteAnycastIpAddressEntry); others are held by the kernel or their own process.")
            { address, iface };
        command.WithExamples("iphelper anycast delete 2001:db8::99 -i eth0");
        command.Aliases.Add("del");
        CommandRunner.SetAction(command, parse =>
        {
            CommandRunner.Check(NetIo.DeleteAnycastIpAddressEntry(Row(parse, address, iface)));
            return 0;
        });
        return command;
    }

    private static (Argument<string> Address, Option<string> Interface) Arguments()
    {
        var address = new Argument<string>("address") { Description = "The IPv6 anycast address" };
        var iface = InterfaceArgument.CreateOption("The interface of the address", required: true);
        return (address, iface);
    }

    private static MibAnycastIpAddressRow Row(ParseResult parse, Argument<string> address, Option<string> iface)
    {
        var text = parse.GetValue(address)!;
        if (!AddressArgument.TryParse(text, out var parsed)) throw new CliException($"'{text}' is not an IP address");
        return new MibAnycastIpAddressRow { Address = parsed, InterfaceLuid = InterfaceArgument.Resolve(parse.GetValue(iface)!) };
    }
}
