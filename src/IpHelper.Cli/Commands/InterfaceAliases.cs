namespace IpHelper.Cli.Commands;

/// <summary>The alias (Linux name) of every interface index, for the InterfaceAlias column of the tables.</summary>
internal static class InterfaceAliases
{
    public static IReadOnlyDictionary<uint, string> All()
    {
        CommandRunner.Check(NetIo.GetIfTable2Ex(MibIfTableLevel.MibIfTableNormalWithoutStatistics, out var table));
        using (table) return table!.ToDictionary(r => r.InterfaceIndex, r => r.Alias);
    }
}
