using System.CommandLine;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper multicast list`: GetMulticastIpAddressTable.</summary>
internal static class MulticastCommands
{
    public static Command Create()
    {
        var command = new Command("multicast", "Multicast groups joined on interfaces (MIB_MULTICASTIPADDRESS_ROW): GetMulticastIpAddressTable");
        command.Subcommands.Add(List());
        return command.WithExamples("iphelper multicast list", "iphelper multicast list --family ipv6 -i eth0");
    }

    private static Command List()
    {
        var iface = InterfaceArgument.CreateOption("Only the groups of this interface");
        var command = new Command("list", "Every multicast group of every interface (GetMulticastIpAddressTable).") { iface };
        command.WithExamples("iphelper multicast list", "iphelper multicast list --family ipv6 --json", "iphelper multicast list -i eth0");
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.ResolveOptional(parse, iface);
            CommandRunner.Check(NetIo.GetMulticastIpAddressTable(GlobalOptions.AddressFamilyOf(parse), out var table));
            using (table)
                MembershipRowOutput.Write(parse.GetValue(GlobalOptions.Json),
                    table!.Where(r => luid is null || r.InterfaceLuid == luid).Select(r => MembershipRowOutput.Of(r)).ToList());
            return 0;
        });
        return command;
    }
}
