using System.CommandLine;
using System.Globalization;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper luid IF`: every identifier of one interface, through the Convert* functions.</summary>
internal static class LuidCommand
{
    public static Command Create()
    {
        var target = InterfaceArgument.CreateArgument();
        var command = new Command("luid",
            "Every identifier of an interface: alias, index, LUID, GUID and Windows-style name (the Convert* functions, if_nametoindex, if_indextoname).")
        { target };
        command.WithExamples("iphelper luid lo", "iphelper luid 1 --json  # by index",
            "iphelper luid 6755399457832960  # by LUID value: the loopback's on every Linux machine (IfType 24, index 1)",
            "iphelper luid loopback_1  # by Windows-style name");
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.Resolve(parse.GetValue(target)!);
            CommandRunner.Check(NetIo.ConvertInterfaceLuidToIndex(luid, out var index));
            CommandRunner.Check(NetIo.ConvertInterfaceLuidToAlias(luid, out string? alias));
            CommandRunner.Check(NetIo.ConvertInterfaceLuidToGuid(luid, out var guid));
            Span<char> buffer = stackalloc char[NetIo.IF_NAMESIZE];
            CommandRunner.Check(NetIo.ConvertInterfaceLuidToNameW(luid, buffer));
            var name = new string(buffer[..buffer.IndexOf('\0')]);
            if (parse.GetValue(GlobalOptions.Json))
            {
                using var json = new JsonOutput();
                var w = json.Writer;
                w.WriteStartArray();
                w.WriteStartObject();
                json.Luid("InterfaceLuid", luid);
                w.WriteNumber("InterfaceIndex", index);
                w.WriteString("InterfaceAlias", alias);
                w.WriteString("InterfaceGuid", guid.ToString("B"));
                w.WriteString("InterfaceName", name);
                w.WriteNumber("NetLuidIndex", luid.NetLuidIndex);
                w.WriteNumber("IfType", luid.IfType);
                w.WriteEndObject();
                w.WriteEndArray();
                return 0;
            }
            var fields = new (string, string)[]
            {
                ("InterfaceAlias", alias ?? ""), ("InterfaceIndex", index.ToString(CultureInfo.InvariantCulture)),
                ("InterfaceLuid", luid.Value.ToString(CultureInfo.InvariantCulture)),
                ("NetLuidIndex", luid.NetLuidIndex.ToString(CultureInfo.InvariantCulture)),
                ("IfType", $"{luid.IfType} ({(IfType)luid.IfType})"), ("InterfaceGuid", guid.ToString("B")), ("InterfaceName", name),
            };
            foreach (var (field, value) in fields) Console.WriteLine($"{field,-14} : {value}");
            return 0;
        });
        return command;
    }
}
