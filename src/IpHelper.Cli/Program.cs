using System.CommandLine;
using System.CommandLine.Invocation;
using IpHelper.Cli;
using IpHelper.Cli.Commands;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

StandardStreams.Install();

var root = new RootCommand("iphelper: the Windows IP Helper API on Linux, over rtnetlink. Interfaces, addresses, routes, neighbours, as tables or JSON.");
root.Options.Add(GlobalOptions.Json);
root.Options.Add(GlobalOptions.Netns);
root.Options.Add(GlobalOptions.Wide);
root.Options.Add(GlobalOptions.Ipv4);
root.Options.Add(GlobalOptions.Ipv6);
root.Options.Add(GlobalOptions.Family);
root.Subcommands.Add(InterfaceCommands.Create());
root.Subcommands.Add(LuidCommand.Create());
root.Subcommands.Add(IpInterfaceCommands.Create());
root.Subcommands.Add(AddressCommands.Create());
root.Subcommands.Add(AnycastCommands.Create());
root.Subcommands.Add(MulticastCommands.Create());
root.Subcommands.Add(SortCommand.Create());
root.Subcommands.Add(NeighborCommands.Create());
root.Subcommands.Add(PathCommands.Create());
root.Subcommands.Add(RouteCommands.Create());
root.Subcommands.Add(MonitorCommand.Create());
root.Subcommands.Add(TeredoCommand.Create());
root.Subcommands.Add(CompletionCommand.Create());
root.WithExamples(
    "iphelper interface list",
    "iphelper route list --family ipv4 --json  # JSON rows with the MIB field names",
    "iphelper route get 198.51.100.7  # GetBestRoute2",
    "iphelper address add 192.0.2.10/24 -i eth0",
    "iphelper neighbor list -i eth0 --netns blue  # in the network namespace 'blue'",
    "iphelper monitor routes addresses --json  # one JSON object per change");
CommandExamples.AddToHelp(root);
// -h and --help only: Windows' /h, /? and -? are not what a Linux user types, and completion offered them.
foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
    foreach (var alias in new[] { "/h", "/?", "-?" }) help.Aliases.Remove(alias);
var parse = root.Parse(IpHabits.Rewrite(root, args));
var exitCode = parse.Action is ParseErrorAction ? ParseErrors.Report(parse) : parse.Invoke();
StandardStreams.Flush();
return exitCode;
