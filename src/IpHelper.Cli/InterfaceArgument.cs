using System.CommandLine;
using System.CommandLine.Completions;
using System.Globalization;

namespace IpHelper.Cli;

/// <summary>
/// The &lt;if&gt; argument and the --interface/-i option of every command: an interface name (alias), a
/// Windows-style name ("ethernet_3"), an index, a LUID value, or a GUID. Both complete interface names
/// from the live interface list (of the --netns namespace when one is given).
/// </summary>
internal static class InterfaceArgument
{
    public const string Forms = "name, Windows-style name (ethernet_3), index, LUID value or GUID";

    /// <summary>The positional &lt;if&gt; argument.</summary>
    public static Argument<string> CreateArgument()
    {
        // HelpName: without it the help would list the completions, every live interface of the machine.
        var argument = new Argument<string>("if") { Description = $"Interface: {Forms}", HelpName = "if" };
        argument.CompletionSources.Add(Names);
        return argument;
    }

    /// <summary>The --interface/-i option; <paramref name="purpose"/> says what the interface is for.</summary>
    public static Option<string> CreateOption(string purpose, bool required = false)
    {
        var option = new Option<string>("--interface", "-i") { Description = $"{purpose}; {Forms}", Required = required, HelpName = "if" };
        option.CompletionSources.Add(Names);
        return option;
    }

    /// <summary>The LUID of the --interface given, or null without one.</summary>
    public static NetLuid? ResolveOptional(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { } text ? Resolve(text) : null;

    public static NetLuid Resolve(string text)
    {
        if (NetIo.ConvertInterfaceAliasToLuid(text, out var luid) == NetIoStatus.Success) return luid;
        if (NetIo.ConvertInterfaceNameToLuidW(text, out luid) == NetIoStatus.Success) return luid;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number <= uint.MaxValue && NetIo.ConvertInterfaceIndexToLuid((uint)number, out luid) == NetIoStatus.Success) return luid;
            var asLuid = new NetLuid(number);
            if (NetIo.ConvertInterfaceLuidToIndex(asLuid, out _) == NetIoStatus.Success) return asLuid;
        }
        if (Guid.TryParse(text, out var guid) && NetIo.ConvertInterfaceGuidToLuid(guid, out luid) == NetIoStatus.Success) return luid;
        throw new NetIoException(new NetIoErrorDetail(NetIoStatus.FileNotFound, 0, null, "interface",
            $"no interface is named, numbered or identified by '{text}'"));
    }

    /// <summary>Completion: the names of the interfaces, none when they cannot be read (no such namespace, say).</summary>
    private static IEnumerable<string> Names(CompletionContext context)
    {
        try
        {
            using var scope = GlobalOptions.EnterNamespace(context.ParseResult);
            if (NetIo.GetIfTable2Ex(MibIfTableLevel.MibIfTableNormalWithoutStatistics, out var table) != NetIoStatus.Success) return [];
            using (table) return table!.Select(r => r.Alias).Where(n => n.StartsWith(context.WordToComplete, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        }
        catch (NetIoException)
        {
            return [];
        }
    }
}
