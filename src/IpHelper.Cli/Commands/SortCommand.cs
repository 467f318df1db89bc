using System.CommandLine;
using System.Net.Sockets;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>`iphelper sort DEST...`: CreateSortedAddressPairs.</summary>
internal static class SortCommand
{
    public static Command Create()
    {
        var destinations = new Argument<string[]>("destination") { Description = "IPv4 or IPv6 destinations (IPv4 is passed as ::ffff:a.b.c.d)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("sort",
            "Pairs each destination with its source address and sorts them best first, RFC 6724 (CreateSortedAddressPairs).")
            { destinations };
        command.WithExamples("iphelper sort 2001:db8::1 198.51.100.7", "iphelper sort 2001:db8::1 fe80::1%2 203.0.113.5 --json");
        CommandRunner.SetAction(command, parse =>
        {
            var list = parse.GetValue(destinations)!.Select(ToSockAddrIn6).ToArray();
            CommandRunner.Check(NetIo.CreateSortedAddressPairs([], list, 0, out var pairs));
            using (pairs)
            {
                if (parse.GetValue(GlobalOptions.Json))
                {
                    using var json = new JsonOutput();
                    json.Writer.WriteStartArray();
                    foreach (ref readonly var pair in pairs!.AsSpan())
                    {
                        json.Writer.WriteStartObject();
                        json.Address("SourceAddress", pair.SourceAddress);
                        json.Address("DestinationAddress", pair.DestinationAddress);
                        json.Writer.WriteEndObject();
                    }
                    json.Writer.WriteEndArray();
                    return 0;
                }
                var table = new TextTable("DestinationAddress", "SourceAddress");
                foreach (ref readonly var pair in pairs!.AsSpan()) table.Add(pair.DestinationAddress.ToString(), pair.SourceAddress.ToString());
                table.Write(Console.Out);
            }
            return 0;
        });
        return command;
    }

    private static SockAddrInet ToSockAddrIn6(string text)
    {
        if (!AddressArgument.TryParse(text, out var address)) throw new CliException($"'{text}' is not an IPv4 or IPv6 address");
        return address.Family == AddressFamily.InterNetwork ? SockAddrInet.FromIPAddress(address.ToIPAddress()!.MapToIPv6()) : address;
    }
}
