using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using IpHelper.Cli.Help;
using IpHelper.Cli.Output;

namespace IpHelper.Cli.Commands;

/// <summary>
/// `iphelper address list | show ADDR | add ADDR/LEN | set ADDR | delete ADDR`: the unicast address
/// functions (GetUnicastIpAddressTable/Entry, Create/Set/DeleteUnicastIpAddressEntry).
/// </summary>
internal static class AddressCommands
{
    public static Command Create()
    {
        var command = new Command("address", "Unicast IP addresses (MIB_UNICASTIPADDRESS_ROW): GetUnicastIpAddressTable, Create/Set/DeleteUnicastIpAddressEntry");
        command.Aliases.Add("addr");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Delete());
        return command.WithExamples("iphelper address list --family ipv6", "iphelper address add 192.0.2.10/24 -i eth0",
            "iphelper address delete 192.0.2.10");
    }

    private static Command List()
    {
        var iface = InterfaceArgument.CreateOption("Only the addresses of this interface");
        var command = new Command("list", "Every unicast address (GetUnicastIpAddressTable), like Get-NetIPAddress.") { iface };
        command.WithExamples("iphelper address list", "iphelper address list --family ipv6 --json", "iphelper address list -i eth0");
        CommandRunner.SetAction(command, parse =>
        {
            var luid = InterfaceArgument.ResolveOptional(parse, iface);
            MibTable<MibUnicastIpAddressRow>? table;
            using (Progress.Spinner(parse, "reading addresses")) CommandRunner.Check(NetIo.GetUnicastIpAddressTable(GlobalOptions.AddressFamilyOf(parse), out table));
            using (table)
            {
                var rows = Array.FindAll(table!.AsSpan().ToArray(), r => luid is null || r.InterfaceLuid == luid);
                if (parse.GetValue(GlobalOptions.Json)) WriteJson(rows);
                else UnicastRowOutput.WriteTable(Console.Out, rows);
            }
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var address = new Argument<string>("address") { Description = "The address (IPv6 link-local with %index)" };
        var iface = InterfaceArgument.CreateOption("The interface that has the address (default: the one interface that has it)");
        var command = new Command("show", "One address with every MIB_UNICASTIPADDRESS_ROW field (GetUnicastIpAddressEntry), like Get-NetIPAddress | Format-List.") { address, iface };
        command.WithExamples("iphelper address show 192.0.2.10", "iphelper address show fe80::1%2 --json", "iphelper address show 2001:db8::1 -i eth0");
        CommandRunner.SetAction(command, parse =>
        {
            WriteRow(parse, Find(parse.GetValue(address)!, parse.GetValue(iface)));
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var prefix = new Argument<string>("address") { Description = "ADDRESS/LENGTH, or ADDRESS alone for a /32 or /128" };
        var iface = InterfaceArgument.CreateOption("The interface to add it to", required: true);
        var valid = new Option<string?>("--valid-lifetime") { HelpName = "seconds", Description = "Seconds, or 'infinite' (default)" };
        var preferred = new Option<string?>("--preferred-lifetime") { HelpName = "seconds", Description = "Seconds, or 'infinite' (default: the valid lifetime)" };
        var prefixOrigin = OriginOption("--prefix-origin", "manual, wellknown, dhcp, routeradvertisement or other (default manual)");
        var suffixOrigin = OriginOption("--suffix-origin", "manual, wellknown, dhcp, linklayeraddress, random or other (default manual)");
        var usable = new Option<bool>("--dad-preferred") { Description = "DadState Preferred: usable at once (IPv6 optimistic DAD where the interface allows it, else no DAD)" };
        var command = new Command("add", "Adds a unicast address (CreateUnicastIpAddressEntry) and prints it, like New-NetIPAddress.")
            { prefix, iface, valid, preferred, prefixOrigin, suffixOrigin, usable };
        command.WithExamples("iphelper address add 192.0.2.10/24 -i eth0", "iphelper address add 2001:db8::1/64 -i eth0 --valid-lifetime 3600 --preferred-lifetime 1800",
            "iphelper address add 2001:db8::2/64 -i eth0 --dad-preferred --json  # usable at once");
        CommandRunner.SetAction(command, parse =>
        {
            NetIo.InitializeUnicastIpAddressEntry(out var row);
            var text = parse.GetValue(prefix)!;
            if (IpAddressPrefix.TryParse(text, out var parsed))
            {
                row.Address = parsed.Prefix;
                row.OnLinkPrefixLength = parsed.PrefixLength;
            }
            else row.Address = ParseAddress(text);
            GlobalOptions.CheckFamily(parse, row.Address.Family, $"'{text}'");
            row.InterfaceLuid = InterfaceArgument.Resolve(parse.GetValue(iface)!);
            row.ValidLifetime = ParseLifetime(parse.GetValue(valid), uint.MaxValue, "--valid-lifetime");
            row.PreferredLifetime = ParseLifetime(parse.GetValue(preferred), row.ValidLifetime, "--preferred-lifetime");
            SetOrigins(ref row, parse.GetValue(prefixOrigin), parse.GetValue(suffixOrigin), NlPrefixOrigin.IpPrefixOriginManual, NlSuffixOrigin.IpSuffixOriginManual);
            if (parse.GetValue(usable)) row.DadState = NlDadState.IpDadStatePreferred;
            CommandRunner.Check(NetIo.CreateUnicastIpAddressEntry(row));
            CommandRunner.Check(NetIo.GetUnicastIpAddressEntry(ref row));
            WriteRow(parse, row);
            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var address = new Argument<string>("address") { Description = "The address to change" };
        var iface = InterfaceArgument.CreateOption("The interface that has the address (default: the one interface that has it)");
        var valid = new Option<string?>("--valid-lifetime") { HelpName = "seconds", Description = "Seconds, or 'infinite'" };
        var preferred = new Option<string?>("--preferred-lifetime") { HelpName = "seconds", Description = "Seconds, or 'infinite'" };
        var length = new Option<byte?>("--prefix-length") { HelpName = "length", Description = "New on-link prefix length" };
        var prefixOrigin = OriginOption("--prefix-origin", "manual, wellknown, dhcp, routeradvertisement or other");
        var suffixOrigin = OriginOption("--suffix-origin", "manual, wellknown, dhcp, linklayeraddress, random or other");
        var command = new Command("set", "Changes lifetimes, prefix length or origins of an address (SetUnicastIpAddressEntry) and prints it afterwards.")
            { address, iface, valid, preferred, length, prefixOrigin, suffixOrigin };
        command.WithExamples("iphelper address set 192.0.2.10 --preferred-lifetime 0  # deprecate it", "iphelper address set 2001:db8::1 -i eth0 --valid-lifetime infinite --json");
        CommandRunner.SetAction(command, parse =>
        {
            var row = Find(parse.GetValue(address)!, parse.GetValue(iface));
            row.ValidLifetime = ParseLifetime(parse.GetValue(valid), row.ValidLifetime, "--valid-lifetime");
            row.PreferredLifetime = ParseLifetime(parse.GetValue(preferred), Math.Min(row.PreferredLifetime, row.ValidLifetime), "--preferred-lifetime");
            if (parse.GetValue(length) is { } newLength) row.OnLinkPrefixLength = newLength;
            SetOrigins(ref row, parse.GetValue(prefixOrigin), parse.GetValue(suffixOrigin), row.PrefixOrigin, row.SuffixOrigin);
            CommandRunner.Check(NetIo.SetUnicastIpAddressEntry(row));
            CommandRunner.Check(NetIo.GetUnicastIpAddressEntry(ref row));
            WriteRow(parse, row);
            return 0;
        });
        return command;
    }

    private static Command Delete()
    {
        var address = new Argument<string>("address") { Description = "The address to remove" };
        var iface = InterfaceArgument.CreateOption("The interface that has the address (default: the one interface that has it)");
        var command = new Command("delete", "Removes a unicast address (DeleteUnicastIpAddressEntry).") { address, iface };
        command.WithExamples("iphelper address delete 192.0.2.10", "iphelper address delete 2001:db8::1 -i eth0");
        command.Aliases.Add("del");
        CommandRunner.SetAction(command, parse =>
        {
            var row = Find(parse.GetValue(address)!, parse.GetValue(iface));
            CommandRunner.Check(NetIo.DeleteUnicastIpAddressEntry(row));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The row of an address: on the given interface, else on the one interface that has it. An
    /// address/length, as ip takes it (<c>ip addr del 192.0.2.10/24 dev eth0</c>), must have that length.
    /// </summary>
    private static MibUnicastIpAddressRow Find(string text, string? iface)
    {
        var slash = text.LastIndexOf('/');
        if (slash < 0) return Find(ParseAddress(text), iface);
        if (!IpAddressPrefix.TryParse(text, out var prefix)) throw new CliException($"'{text}' is not an IPv4 or IPv6 address, or address/length");
        var row = Find(ParseAddress(text[..slash]), iface);
        if (row.OnLinkPrefixLength != prefix.PrefixLength)
            throw new NetIoException(new NetIoErrorDetail(NetIoStatus.NotFound, 0, null, "address",
                $"{text[..slash]} has prefix length {row.OnLinkPrefixLength}, not {prefix.PrefixLength}"));
        return row;
    }

    private static MibUnicastIpAddressRow Find(SockAddrInet address, string? iface)
    {
        if (iface is not null)
        {
            var row = new MibUnicastIpAddressRow { Address = address, InterfaceLuid = InterfaceArgument.Resolve(iface) };
            CommandRunner.Check(NetIo.GetUnicastIpAddressEntry(ref row));
            return row;
        }
        CommandRunner.Check(NetIo.GetUnicastIpAddressTable(address.Family, out var table));
        using (table)
        {
            var matches = table!.AsSpan().ToArray().Where(r => SameAddress(r.Address, address)).ToArray();
            return matches.Length switch
            {
                1 => matches[0],
                0 => throw new NetIoException(new NetIoErrorDetail(NetIoStatus.NotFound, 0, null, "address", $"no interface has the address {address}")),
                _ => throw new CliException($"{address} is on {matches.Length} interfaces; name one with --interface"),
            };
        }
    }

    private static bool SameAddress(in SockAddrInet a, in SockAddrInet b) =>
        a.Family == b.Family && a.ToIPAddress()!.GetAddressBytes().AsSpan().SequenceEqual(b.ToIPAddress()!.GetAddressBytes());

    private static SockAddrInet ParseAddress(string text) =>
        AddressArgument.TryParse(text, out var address) ? address : throw new CliException($"'{text}' is not an IPv4 or IPv6 address");

    private static uint ParseLifetime(string? text, uint fallback, string option)
    {
        if (text is null) return fallback;
        if (text is "infinite" or "forever") return uint.MaxValue;
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new CliException($"{option}: '{text}' is neither a number of seconds nor 'infinite'");
    }

    private static Option<string?> OriginOption(string name, string values) =>
        new(name) { Description = values, HelpName = "origin" };

    private static void SetOrigins(ref MibUnicastIpAddressRow row, string? prefix, string? suffix, NlPrefixOrigin prefixDefault, NlSuffixOrigin suffixDefault)
    {
        row.PrefixOrigin = prefix is null ? prefixDefault : ParseEnum<NlPrefixOrigin>("IpPrefixOrigin", prefix);
        row.SuffixOrigin = suffix is null ? suffixDefault : ParseEnum<NlSuffixOrigin>("IpSuffixOrigin", suffix);
    }

    private static T ParseEnum<T>(string prefix, string text) where T : struct, Enum =>
        Enum.TryParse<T>(prefix + text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new CliException($"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n[prefix.Length..].ToLowerInvariant()))}");

    /// <summary>One row as `show` prints it: a JSON array of one, or every field like Format-List.</summary>
    private static void WriteRow(ParseResult parse, in MibUnicastIpAddressRow row)
    {
        if (parse.GetValue(GlobalOptions.Json))
        {
            WriteJson([row]);
            return;
        }
        NetIo.ConvertInterfaceLuidToAlias(row.InterfaceLuid, out string? alias);
        UnicastRowOutput.WriteList(Console.Out, row, alias ?? "");
    }

    private static void WriteJson(IEnumerable<MibUnicastIpAddressRow> rows)
    {
        using var json = new JsonOutput();
        json.Writer.WriteStartArray();
        foreach (var row in rows) UnicastRowOutput.WriteJson(json, row);
        json.Writer.WriteEndArray();
    }
}
