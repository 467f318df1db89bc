using System.CommandLine;
using IpHelper.Cli;
using IpHelper.Cli.Commands;

var root = new RootCommand("iphelper: the Windows IP Helper API on Linux, over rtnetlink. Interfaces, addresses, routes, neighbours, as tables or JSON.");
root.Options.Add(GlobalOptions.Json);
root.Options.Add(GlobalOptions.Netns);
root.Options.Add(GlobalOptions.Family);
root.Subcommands.Add(InterfaceCommands.Create());
root.Subcommands.Add(LuidCommand.Create());
root.Subcommands.Add(AddressCommands.Create());
root.Subcommands.Add(AnycastCommands.Create());
root.Subcommands.Add(MulticastCommands.Create());
root.Subcommands.Add(SortCommand.Create());
root.Subcommands.Add(NeighborCommands.Create());
root.Subcommands.Add(PathCommands.Create());
root.Subcommands.Add(MonitorCommand.Create());
root.Subcommands.Add(TeredoCommand.Create());
return root.Parse(args).Invoke();
