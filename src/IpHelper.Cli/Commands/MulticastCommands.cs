using System.CommandLine;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper multicast list`: GetMulticastIpAddressTable.</summary>
internal static class MulticastCommands
{
    public static Command Create()
    {
        var command = new Command("multicast", "Multicast groups joined on interfaces (MIB_MULTICASTIPADDRESS_ROW): GetMulticastIpAddressTable");
        command.Subcommands.Add(List());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every multicast group of every interface (GetMulticastIpAddressTable).\nExample: iphelper multicast list --family ipv6 --json");
        CommandRunner.SetAction(command, parse =>
        {
            CommandRunner.Check(NetIo.GetMulticastIpAddressTable(GlobalOptions.AddressFamilyOf(parse), out var table));
            using (table) MembershipRowOutput.Write(parse.GetValue(GlobalOptions.Json), table!.Select(r => MembershipRowOutput.Of(r)).ToList());
            return 0;
        });
        return command;
    }
}
