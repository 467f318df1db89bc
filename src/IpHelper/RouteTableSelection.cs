namespace IpHelper;

/// <summary>
/// Which Linux routing tables the route functions use (see <see cref="RouteTables"/>): by default the
/// main and local tables, with new routes going to main; or every table (new routes to main); or one
/// table for everything.
/// </summary>
internal readonly record struct RouteTableSelection(RouteTableSelection.SelectionKind Kind, uint Table)
{
    public enum SelectionKind
    {
        MainAndLocal,
        All,
        Single,
    }

    public static RouteTableSelection Default => new(SelectionKind.MainAndLocal, 0);

    /// <summary>The table new routes are written to.</summary>
    public uint WriteTable => Kind == SelectionKind.Single ? Table : Linux.Rtnl.RouteConstants.RT_TABLE_MAIN;

    /// <summary>True when a route of <paramref name="table"/> belongs to the selection.</summary>
    public bool Includes(uint table) => Kind switch
    {
        SelectionKind.MainAndLocal => table is Linux.Rtnl.RouteConstants.RT_TABLE_MAIN or Linux.Rtnl.RouteConstants.RT_TABLE_LOCAL,
        SelectionKind.All => true,
        _ => table == Table,
    };

    /// <summary>The tables to dump one by one with a kernel table filter (0 stands for "every table").</summary>
    public uint[] DumpTables => Kind switch
    {
        SelectionKind.MainAndLocal => [Linux.Rtnl.RouteConstants.RT_TABLE_MAIN, Linux.Rtnl.RouteConstants.RT_TABLE_LOCAL],
        SelectionKind.All => [0],
        _ => [Table],
    };

    public override string ToString() => Kind switch
    {
        SelectionKind.MainAndLocal => "main and local",
        SelectionKind.All => "all",
        _ => Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
