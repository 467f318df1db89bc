using System.CommandLine;
using System.Net.Sockets;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper ipinterface list | show IF | set IF --field value...`: GetIpInterfaceTable,
/// GetIpInterfaceEntry and SetIpInterfaceEntry (MIB_IPINTERFACE_ROW, one row per interface and family).
/// </summary>
internal static class IpInterfaceCommands
{
    public static Command Create()
    {
        var command = new Command("ipinterface", "IP settings of interfaces, per family (MIB_IPINTERFACE_ROW): GetIpInterfaceTable, GetIpInterfaceEntry, SetIpInterfaceEntry");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Set());
        return command.WithExamples("iphelper ipinterface list", "iphelper ipinterface show eth0 --family ipv6",
            "iphelper ipinterface set eth0 --family ipv6 --dad-transmits 2");
    }

    private static Command List()
    {
        var iface = InterfaceArgument.CreateOption("Only the rows of this interface");
        var command = new Command("list", "Every interface's IPv4 and IPv6 settings (GetIpInterfaceTable), like Get-NetIPInterface.") { iface };
        command.WithExamples("iphelper ipinterface list", "iphelper ipinterface list --family ipv6 --json", "iphelper ipinterface list -i eth0");
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.ResolveOptional(parse, iface);
            MibTable<MibIpInterfaceRow>? table;
            using (Progress.Spinner(parse, "reading ip interfaces")) CommandRunner.Check(NetIo.GetIpInterfaceTable(GlobalOptions.AddressFamilyOf(parse), out table));
            using (table) Write(parse, Array.FindAll(table!.AsSpan().ToArray(), r => luid is null || r.InterfaceLuid == luid), listing: true);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var target = InterfaceArgument.CreateArgument();
        var command = new Command("show", "Every MIB_IPINTERFACE_ROW field of one interface, per family (GetIpInterfaceEntry), like Get-NetIPInterface | Format-List.") { target };
        command.WithExamples("iphelper ipinterface show eth0", "iphelper ipinterface show eth0 --family ipv6 --json");
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.Resolve(parse.GetValue(target)!);
            Write(parse, Rows(luid, GlobalOptions.AddressFamilyOf(parse)), listing: false);
            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var target = InterfaceArgument.CreateArgument();
        var fields = new IpInterfaceSetOptions();
        var command = new Command("set",
            "Change IP settings of an interface (GetIpInterfaceEntry, change the given fields, SetIpInterfaceEntry), for each family given " +
            "with --family (default: each family the interface has). Prints the rows afterwards. A change Linux cannot make fails with NotSupported and changes nothing.")
        { target };
        command.WithExamples("iphelper ipinterface set eth0 --family ipv6 --nl-mtu 1400 --dad-transmits 2",
            "iphelper ipinterface set eth0 --metric 20  # interface metric, both families",
            "iphelper ipinterface set eth0 --family ipv4 --forwarding-enabled true --json");
        fields.AddTo(command);
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.Resolve(parse.GetValue(target)!);
            var family = GlobalOptions.AddressFamilyOf(parse);
            var changed = new List<MibIpInterfaceRow>();
            foreach (var row in Rows(luid, family))
            {
                var edited = row;
                fields.Apply(parse, ref edited);
                CommandRunner.Check(NetIo.SetIpInterfaceEntry(ref edited));
                var read = new MibIpInterfaceRow { Family = row.Family, InterfaceLuid = luid };
                CommandRunner.Check(NetIo.GetIpInterfaceEntry(ref read));
                changed.Add(read);
            }
            Write(parse, changed.ToArray(), listing: false);
            return 0;
        });
        return command;
    }

    /// <summary>The rows of one interface for the family (Unspecified: each family it has; NotFound when it has none).</summary>
    private static MibIpInterfaceRow[] Rows(NetLuid luid, AddressFamily family)
    {
        var rows = new List<MibIpInterfaceRow>();
        foreach (var each in family == AddressFamily.Unspecified ? [AddressFamily.InterNetwork, AddressFamily.InterNetworkV6] : new[] { family })
        {
            NetIo.InitializeIpInterfaceEntry(out var row);
            row.Family = each;
            row.InterfaceLuid = luid;
            var status = NetIo.GetIpInterfaceEntry(ref row);
            if (status == NetIoStatus.NotFound && family == AddressFamily.Unspecified) continue;
            CommandRunner.Check(status);
            rows.Add(row);
        }
        if (rows.Count == 0)
            throw new NetIoException(new NetIoErrorDetail(NetIoStatus.NotFound, 0, null, "Family", "the interface has neither IPv4 nor IPv6 state"));
        return [.. rows];
    }

    private static void Write(ParseResult parse, ReadOnlySpan<MibIpInterfaceRow> rows, bool listing)
    {
        if (parse.GetValue(GlobalOptions.Json))
        {
            using var json = new JsonOutput();
            json.Writer.WriteStartArray();
            foreach (ref readonly var row in rows) IpInterfaceRowOutput.WriteJson(json, row);
            json.Writer.WriteEndArray();
            return;
        }
        var aliases = InterfaceAliases.All();
        if (listing)
        {
            IpInterfaceRowOutput.WriteTable(Console.Out, rows, aliases);
            return;
        }
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0) Console.WriteLine();
            IpInterfaceRowOutput.WriteList(Console.Out, rows[i], aliases.GetValueOrDefault(rows[i].InterfaceIndex, ""));
        }
    }

}
